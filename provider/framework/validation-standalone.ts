// Build time: the source of the precompiled configuration validators (ajv's "standalone" code), so the
// provider executable validates without loading ajv or compiling anything. scripts/build-provider.mjs puts
// this module's output in place of precompiled-validators.ts while it bundles the executable.
import type { ProviderDefinition } from "./resource";
import type { ProviderSchemas } from "./schema";
import { configJsonSchema, configSchemaKey } from "./validation";
import { createConfigAjv, type StandaloneTarget } from "./validation-ajv";

export interface NamedConfigSchema {
  /** "provider", a resource type, or "data.<type>". */
  name: string;
  schema: Record<string, unknown>;
}

/** Every configuration schema a provider compiles, made as ProviderRuntime makes them (block plus constraints). */
export function providerConfigSchemas<C>(schemas: ProviderSchemas, definition: ProviderDefinition<C>): NamedConfigSchema[] {
  const out: NamedConfigSchema[] = [{ name: "provider", schema: configJsonSchema(schemas.provider.block, definition.constraints) }];
  for (const r of definition.resources) {
    const s = schemas.resources.get(r.typeName);
    if (s) out.push({ name: r.typeName, schema: configJsonSchema(s.block, r.constraints) });
  }
  for (const d of definition.dataSources) {
    const s = schemas.dataSources.get(d.typeName);
    if (s) out.push({ name: `data.${d.typeName}`, schema: configJsonSchema(s.block, d.constraints) });
  }
  return out;
}

type StandaloneCode = (ajv: ReturnType<typeof createConfigAjv>, refs: Record<string, string>) => string;

/**
 * A CommonJS module that exports `precompiledValidators`: a Map from configSchemaKey to the validator ajv
 * generated for that schema. The code requires ajv's runtime helpers by their package ids
 * ("ajv/dist/runtime/..."), and validation-helpers as `target.helpersModule`; the bundler must resolve them.
 */
export function precompiledValidatorsModule(schemas: Record<string, unknown>[], target: StandaloneTarget): string {
  const ajv = createConfigAjv(target);
  const exportByKey = new Map<string, string>();
  for (const schema of schemas) {
    const key = configSchemaKey(schema);
    if (exportByKey.has(key)) continue;
    const name = `v${exportByKey.size}`;
    ajv.addSchema(schema, name);
    exportByKey.set(key, name);
  }
  const standaloneCode = (require("ajv/dist/standalone") as { default: StandaloneCode }).default;
  const code = standaloneCode(ajv, Object.fromEntries([...exportByKey.values()].map((n) => [n, n])));
  const entries = [...exportByKey].map(([key, name]) => `  [${JSON.stringify(key)}, exports.${name}],`);
  return `${code}\nexports.precompiledValidators = new Map([\n${entries.join("\n")}\n]);\n`;
}
