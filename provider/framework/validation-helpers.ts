// Functions that configuration validators call while they run. Precompiled validators (ajv's standalone
// code, see validation-standalone.ts) require this module, so it must stay free of other imports: loading
// it must never load ajv.

/** True for text that parses as a JSON object (not an array, a string or null): the jsonObjectString check. */
export function isJsonObjectText(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed);
  } catch {
    return false;
  }
}
