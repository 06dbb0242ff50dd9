// Configuration validators: the jsonObjectString keyword, the precompiled table's keys, and the fallback to
// compiling at run time for a schema the table does not hold.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { ValidateFunction } from "ajv";
import { newObject, unknown, type TfValue } from "../values/value";
import type { BlockSchema } from "./schema";
import { compileConfigValidator, configJsonSchema, configSchemaKey, isJsonObjectText } from "./validation";

function block(attributes: Record<string, "string" | "number" | ["list", "string"]>, sensitive: string[] = []): BlockSchema {
  return {
    attributes: Object.entries(attributes).map(([name, type]) => ({
      name,
      type,
      description: "",
      descriptionKind: "plain",
      required: false,
      optional: true,
      computed: false,
      sensitive: sensitive.includes(name),
      deprecated: false,
      writeOnly: false,
    })),
    blockTypes: [],
    description: "",
    descriptionKind: "plain",
    deprecated: false,
  };
}

const config = (values: Record<string, TfValue>) => Object.assign(newObject(), values);

test("isJsonObjectText accepts JSON objects only", () => {
  for (const t of ["{}", '{"a":[1]}', ' { "a" : null } ']) assert.equal(isJsonObjectText(t), true, t);
  for (const t of ["[]", '"s"', "null", "1", "true", "not json", "{", ""]) assert.equal(isJsonObjectText(t), false, t);
});

test("jsonObjectString: true checks the text, false checks nothing, and unknown or null values are skipped", () => {
  const b = block({ metadata: "string", free: "string" });
  const validate = compileConfigValidator(b, {
    metadata: { schema: { jsonObjectString: true }, expectation: "must be a JSON object" },
    free: { schema: { jsonObjectString: false }, expectation: "is never wrong" },
  });
  assert.deepEqual(validate(config({ metadata: '{"team":"a"}', free: "[1]" })).items, []);
  assert.deepEqual(validate(config({ metadata: unknown, free: null })).items, []);
  const bad = validate(config({ metadata: "[1]", free: "[1]" })).items;
  assert.deepEqual(bad, [{ severity: "error", summary: "Invalid Attribute Value", detail: 'Attribute metadata must be a JSON object. Got "[1]".', path: [{ attribute: "metadata" }] }]);
});

test("sensitive values never reach the diagnostic", () => {
  const validate = compileConfigValidator(block({ api_key: "string" }, ["api_key"]), { api_key: { schema: { minLength: 8 }, expectation: "must be 8 characters or more" } });
  const [d] = validate(config({ api_key: "sk-abc" })).items;
  assert.equal(d?.detail, "Attribute api_key must be 8 characters or more.");
});

test("configSchemaKey ignores key order and nothing else", () => {
  assert.equal(configSchemaKey({ type: "object", properties: { a: { minimum: 0, type: "number" } } }), configSchemaKey({ properties: { a: { type: "number", minimum: 0 } }, type: "object" }));
  assert.notEqual(configSchemaKey({ enum: ["a", "b"] }), configSchemaKey({ enum: ["b", "a"] }));
  assert.notEqual(configSchemaKey({ minimum: 0 }), configSchemaKey({ minimum: 1 }));
});

test("a validator comes from the precompiled table when it holds the schema, else ajv compiles one", () => {
  const b = block({ n: "number" });
  const constraints = { n: { schema: { minimum: 0 }, expectation: "must be 0 or more" } };
  // A stand-in that rejects everything shows which validator ran.
  const refuseAll = Object.assign(() => false, {
    errors: [{ instancePath: "/n", schemaPath: "#", keyword: "x", params: {}, message: "stand-in" }],
  }) as unknown as ValidateFunction;
  const table = new Map([[configSchemaKey(configJsonSchema(b, constraints)), refuseAll]]);
  assert.equal(compileConfigValidator(b, constraints, table)(config({ n: 5 })).items.length, 1);
  // Another schema (the constraint changed since the build) misses and is compiled: 5 is valid again.
  const changed = { n: { schema: { minimum: 1 }, expectation: "must be 1 or more" } };
  assert.deepEqual(compileConfigValidator(b, changed, table)(config({ n: 5 })).items, []);
  assert.equal(compileConfigValidator(b, changed, table)(config({ n: 0 })).items[0]?.detail, "Attribute n must be 1 or more. Got 0.");
});
