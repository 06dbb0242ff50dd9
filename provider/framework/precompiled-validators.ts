// Configuration validators that ajv generated at build time, by configSchemaKey of the JSON Schema each
// checks. The source tree has none: scripts/build-provider.mjs replaces this module, in the executable
// only, with ajv's standalone code for every block the provider serves (validation-standalone.ts).
// Nothing can go stale: a schema that changed since the build is simply not found, and compiled.
import type { ValidateFunction } from "ajv";

export type PrecompiledValidators = ReadonlyMap<string, ValidateFunction>;

export const precompiledValidators: PrecompiledValidators | undefined = undefined;
