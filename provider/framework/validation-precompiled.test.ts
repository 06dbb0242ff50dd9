// The executable's precompiled validators (ajv's standalone code, generated the way the build generates it)
// give exactly the diagnostics that validators compiled at run time give, for every block the provider
// serves, over a corpus of valid and invalid configurations.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import path from "node:path";
import { before, test } from "node:test";
import { pathToFileURL } from "node:url";
import type { ValidateFunction } from "ajv";
import schemaDocument from "../../schema/litellm.schema.json";
import { Decimal, newObject, unknown, type TfObject, type TfValue } from "../values/value";
import type { CtyType } from "../values/cty-type";
import { litellmProvider } from "../resources/provider";
import type { PrecompiledValidators } from "./precompiled-validators";
import { readSchemaDocument, type BlockSchema, type SchemaDocument } from "./schema";
import { compileConfigValidator, configJsonSchema, configSchemaKey, type AttributeConstraints } from "./validation";
import { precompiledValidatorsModule, providerConfigSchemas } from "./validation-standalone";

const root = path.resolve(__dirname, "..", "..");
const schemas = readSchemaDocument(schemaDocument as SchemaDocument);

interface Block {
  name: string;
  block: BlockSchema;
  constraints: AttributeConstraints | undefined;
}
const blocks: Block[] = [
  { name: "provider", block: schemas.provider.block, constraints: litellmProvider.constraints },
  ...litellmProvider.resources.map((r) => ({ name: r.typeName, block: schemas.resources.get(r.typeName)!.block, constraints: r.constraints })),
  ...litellmProvider.dataSources.map((d) => ({ name: `data.${d.typeName}`, block: schemas.dataSources.get(d.typeName)!.block, constraints: d.constraints })),
];

let generated: PrecompiledValidators;
before(async () => {
  const build = (await import(pathToFileURL(path.join(root, "scripts", "build-provider.mjs")).href)) as {
    precompiledValidatorsSource(root: string): Promise<string>;
  };
  const source = await build.precompiledValidatorsSource(root);
  // Run as the module it replaces: its requires resolve from provider/framework, as they do in the bundle.
  const module = { exports: {} as { precompiledValidators?: PrecompiledValidators } };
  const requireHere = createRequire(path.join(root, "provider/framework/precompiled-validators.ts"));
  new Function("module", "exports", "require", source)(module, module.exports, requireHere);
  assert.ok(module.exports.precompiledValidators instanceof Map);
  generated = module.exports.precompiledValidators;
});

test("the build precompiles a validator for every block, found by the schema runtime.ts compiles", () => {
  assert.equal(blocks.length, 1 + litellmProvider.resources.length + litellmProvider.dataSources.length);
  assert.deepEqual(
    providerConfigSchemas(schemas, litellmProvider).map((s) => s.name),
    blocks.map((b) => b.name),
  );
  for (const b of blocks) {
    assert.equal(typeof generated.get(configSchemaKey(configJsonSchema(b.block, b.constraints))), "function", b.name);
  }
  assert.equal(generated.size, new Set(blocks.map((b) => configSchemaKey(configJsonSchema(b.block, b.constraints)))).size);
});

/** Candidate values for an attribute of a type: valid ones, each rule broken, wrong types, unknowns. */
function candidates(type: CtyType): TfValue[] {
  if (type === "string") return [...strings, 5, true, unknown];
  if (type === "number") return [...numbers, "5", unknown];
  if (type === "bool") return [true, false, "true", unknown];
  if (Array.isArray(type) && type[0] === "list") return [[], ["gpt-4"], ["gpt-4", ""], [""], ["a", unknown], [1], unknown];
  return [unknown];
}
const strings: TfValue[] = [
  ...["", " ", "x", "not-an-email", "alice@example.com", "a@b", "a b@example.com", "admin", "user", "owner", "customer"],
  ...["proxy_admin", "internal_user_viewer", "Admin", "daily", "weekly", "yearly", "2mo", "1mo", "001mo", "1D", "30d", "30s", "7w"],
  ...["forever", "1h", "mo", "{}", '{"a":1}', "[1,2]", '"team"', "null", "not json", "{", "https://litellm.example.com"],
  ...["http://127.0.0.1:4000/x", "ftp://x", "https:// spaced", "team:user", "team-1", "\u00fcn\u00efc\u00f8d\u00e9", "\ud83d\ude00"],
];
const numbers: TfValue[] = [0, -1, 1, 1.5, -0.5, 20, 21, 100, 1e30, 2n ** 70n, -(2n ** 70n), new Decimal("0.1000000000000000000001"), new Decimal("-1e-400")];

/** A seeded generator, so the corpus is the same on every run. */
function prng(seed: number): () => number {
  return () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

function corpus(block: BlockSchema): TfObject[] {
  const empty = () => newObject(block.attributes.map((a) => [a.name, null]));
  const configs: TfObject[] = [empty()];
  for (const a of block.attributes) {
    for (const v of candidates(a.type)) configs.push(Object.assign(empty(), { [a.name]: v }));
  }
  const random = prng(block.attributes.length);
  for (let i = 0; i < 300; i++) {
    const c = empty();
    for (const a of block.attributes) {
      const options = candidates(a.type);
      if (random() < 0.5) c[a.name] = options[Math.floor(random() * options.length)];
    }
    configs.push(c);
  }
  return configs;
}

for (const b of blocks) {
  test(`${b.name}: precompiled and run-time compiled validators give identical diagnostics`, () => {
    const key = configSchemaKey(configJsonSchema(b.block, b.constraints));
    const precompiledFn = generated.get(key)!;
    let calls = 0;
    const counting = Object.assign(
      (data: unknown) => {
        calls++;
        const ok = precompiledFn(data);
        counting.errors = precompiledFn.errors;
        return ok;
      },
      { errors: null as ValidateFunction["errors"] },
    ) as unknown as ValidateFunction;
    const precompiled = compileConfigValidator(b.block, b.constraints, new Map([[key, counting]]));
    const compiled = compileConfigValidator(b.block, b.constraints, new Map());
    let invalid = 0;
    const configs = corpus(b.block);
    for (const config of configs) {
      const want = compiled(config).items;
      assert.deepEqual(precompiled(config).items, want, JSON.stringify(config, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)));
      if (want.length) invalid++;
    }
    assert.equal(calls, configs.length, "every check went through the precompiled validator");
    // The corpus holds both: configurations every rule accepts, and ones that break rules.
    assert.ok(invalid > 0 && invalid < configs.length, `${invalid} of ${configs.length} invalid`);
  });
}

test("precompiled validators report the attribute and the constraint's words", () => {
  const user = blocks.find((b) => b.name === "litellm_user")!;
  const validate = compileConfigValidator(user.block, user.constraints, generated);
  const config = newObject(user.block.attributes.map((a) => [a.name, null]));
  Object.assign(config, { user_email: "nope", metadata: "[1]", models: ["gpt-4", ""], tpm_limit: 1.5, key: "sk-secret" });
  assert.deepEqual(
    validate(config).items.map((d) => d.detail),
    [
      'Attribute user_email must be an email address, like alice@example.com. Got "nope".',
      "Attribute tpm_limit must be a whole number, 0 or more. Got 1.5.",
      "Attribute models[1] must list model names, none of them empty. Got \"\".",
      'Attribute metadata must be a JSON object: a map such as { department = "Engineering" } or its jsonencode({ department = "Engineering" }) text. Got "[1]".',
    ],
  );
});

test("standalone code also serves the uri format and keywords no block uses today", () => {
  const b: BlockSchema = { ...schemas.provider.block, attributes: schemas.provider.block.attributes.filter((a) => a.name === "api_base" || a.name === "max_retries") };
  const constraints: AttributeConstraints = {
    api_base: { schema: { format: "uri", maxLength: 30 }, expectation: "must be a short URI" },
    max_retries: { schema: { multipleOf: 2 }, expectation: "must be even" },
  };
  const schema = configJsonSchema(b, constraints);
  const source = precompiledValidatorsModule([schema], { helpersModule: "./validation-helpers" });
  const module = { exports: {} as { precompiledValidators?: PrecompiledValidators } };
  new Function("module", "exports", "require", source)(module, module.exports, createRequire(path.join(root, "provider/framework/precompiled-validators.ts")));
  const table = module.exports.precompiledValidators!;
  assert.equal(table.size, 1);
  const precompiled = compileConfigValidator(b, constraints, table);
  const compiled = compileConfigValidator(b, constraints, new Map());
  const values: [TfValue, TfValue][] = [["https://a.example", 2], ["not a uri", 3], ["https://a-very-long-host-name.example.com", 4], ["x:y", null]];
  const details = values.map(([api_base, max_retries]) => precompiled(newObject([["api_base", api_base], ["max_retries", max_retries]])).items.map((d) => d.detail));
  for (const [i, [api_base, max_retries]] of values.entries()) {
    assert.deepEqual(details[i], compiled(newObject([["api_base", api_base], ["max_retries", max_retries]])).items.map((d) => d.detail));
  }
  assert.deepEqual(details, [
    [],
    ['Attribute api_base must be a short URI. Got "not a uri".', "Attribute max_retries must be even. Got 3."],
    ['Attribute api_base must be a short URI. Got "https://a-very-long-host-name.example.com".'],
    [],
  ]);
});
