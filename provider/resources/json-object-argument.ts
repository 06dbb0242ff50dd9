// An argument that holds a JSON object and accepts it in both forms people write: JSON text
// (`jsonencode({...})`, the seed docs' form) and an HCL map or object (`{ team = "x" }`, the other LiteLLM
// providers' form). The schema document types it "dynamic", so Terraform carries either form with its type
// and CDKTF generates `{ [key: string]: any }`. State keeps the form and spelling the user wrote while it
// means the same JSON as LiteLLM's; otherwise LiteLLM's object in that same form. Used by `metadata` on every
// resource that has it, and by any other JSON-object argument (`model_max_budget`, `router_settings`).
import type { AttributeConstraint } from "../framework/validation";
import { canonicalJson, jsonObjectOf, type Codec } from "../framework/declarative";
import { dynamicOfJson } from "../values/json-value";
import { Dynamic, isUnknown, type TfValue } from "../values/value";

export { jsonObjectOf };

export type JsonObject = Record<string, unknown>;

/** The validation rule: a JSON object as text, or a map/object; lists, numbers and other JSON fail with the path. */
export function jsonObjectConstraint(example: string): AttributeConstraint {
  return {
    schema: { anyOf: [{ type: "object" }, { type: "string", jsonObjectString: true }] },
    expectation: `must be a JSON object: a map such as { ${example} } or its jsonencode({ ${example} }) text`,
  };
}

/** True when the value is written as JSON text rather than as a map or object. */
function isTextForm(v: TfValue): boolean {
  return typeof v === "string" || (v instanceof Dynamic && v.type === "string");
}

/** Same JSON object, whatever the form; null and {} are the same (LiteLLM stores no metadata as {}). */
export function jsonObjectsEquivalent(a: TfValue, b: TfValue): boolean {
  if (isUnknown(a) || isUnknown(b)) return false;
  const pa = jsonObjectOf(a) ?? (a === null ? {} : undefined);
  const pb = jsonObjectOf(b) ?? (b === null ? {} : undefined);
  return pa !== undefined && pb !== undefined && canonicalJson(pa) === canonicalJson(pb);
}

/** True for a value that means an empty object ({} or "{}"), as opposed to null. */
export function isEmptyJsonObject(v: TfValue): boolean {
  const o = jsonObjectOf(v);
  return o !== undefined && Object.keys(o).length === 0;
}

/**
 * LiteLLM's object as a state value in the form `form` has: JSON text (canonical: sorted keys, compact) when
 * the user wrote text or nothing, an object otherwise. An empty object is null. `dynamic` says whether the
 * attribute is dynamic (a resource argument) or a plain string (a data source's output).
 */
export function jsonObjectState(server: JsonObject | null | undefined, form: TfValue, dynamic = true): TfValue {
  if (!server || Object.keys(server).length === 0) return null;
  if (!dynamic) return canonicalJson(server);
  if (form === null || isUnknown(form) || isTextForm(form)) return new Dynamic("string", canonicalJson(server));
  return dynamicOfJson(server);
}

/** `mine` when it means the same as LiteLLM's object, else LiteLLM's object in the form of `mine`. */
export function keepJsonObjectSpelling(mine: TfValue | undefined, server: JsonObject | null | undefined): TfValue {
  const base = mine === undefined ? null : mine;
  if (base !== null && !isUnknown(base) && jsonObjectsEquivalent(base, jsonObjectState(server, null))) return base;
  return jsonObjectState(server, base);
}

/**
 * The codec of such an argument: LiteLLM's object in the form the user wrote. Keys in `serverOwned` are
 * LiteLLM's own settings inside the object, never part of the argument.
 */
export function jsonObjectArgument(options: { serverOwned?: readonly string[] } = {}): Codec {
  const owned = new Set(options.serverOwned ?? []);
  const own = (v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([k]) => !owned.has(k))) : null;
  return {
    toApi: (v) => jsonObjectOf(v) ?? {},
    fromApi: (v, like) => jsonObjectState(own(v), like ?? null),
    equivalent: jsonObjectsEquivalent,
  };
}
