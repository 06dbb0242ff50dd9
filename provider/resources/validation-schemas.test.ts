// The provider validates configuration with ajv's meta-schema check turned off (it cost every provider
// process ~40 ms); this test does that check instead, for every JSON Schema the provider compiles.
import assert from "node:assert/strict";
import { test } from "node:test";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import schemaDocument from "../../schema/litellm.schema.json";
import { readSchemaDocument, type SchemaDocument } from "../framework/schema";
import { configJsonSchema } from "../framework/validation";
import { litellmProvider } from "./provider";

test("every configuration schema the provider compiles is valid JSON Schema", () => {
  const schemas = readSchemaDocument(schemaDocument as SchemaDocument);
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv, ["email", "uri"]);
  ajv.addKeyword({ keyword: "jsonObjectString", type: "string", schemaType: "boolean", validate: () => true });
  const cases: [string, Record<string, unknown>][] = [["provider", configJsonSchema(schemas.provider.block, litellmProvider.constraints)]];
  for (const r of litellmProvider.resources) cases.push([r.typeName, configJsonSchema(schemas.resources.get(r.typeName)!.block, r.constraints)]);
  for (const d of litellmProvider.dataSources) cases.push([`data.${d.typeName}`, configJsonSchema(schemas.dataSources.get(d.typeName)!.block, d.constraints)]);
  for (const [name, schema] of cases) {
    assert.equal(ajv.validateSchema(schema), true, `${name}: ${ajv.errorsText(ajv.errors)}`);
    assert.doesNotThrow(() => ajv.compile(schema), name);
  }
  // The check can fail: a keyword with a value of the wrong type is refused.
  assert.equal(ajv.validateSchema({ type: "object", properties: { a: { minimum: "0" } } }), false);
});
