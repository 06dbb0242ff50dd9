// Codecs for object-valued attributes: a JSON object in a dynamic attribute, written as JSON text or as a map,
// and a map of strings.
import { dynamicOfJson, jsonOfTfValue } from "../../values/json-value";
import { Dynamic, isObject, isUnknown, newObject, type TfValue } from "../../values/value";
import { canonicalJson, parseObject, type Codec } from "./codec";

type JsonObject = Record<string, unknown>;
const isPlainObject = (v: unknown): v is JsonObject => v !== null && typeof v === "object" && !Array.isArray(v);

/** The object a value means (JSON text, a map or an object, dynamic or not); undefined for null, unknown or no object. */
export function jsonObjectOf(v: TfValue | undefined): JsonObject | undefined {
  if (v === null || v === undefined || isUnknown(v)) return undefined;
  const inner = v instanceof Dynamic ? v.value : v;
  if (typeof inner === "string") return parseObject(inner);
  const json = jsonOfTfValue(inner);
  return isPlainObject(json) ? json : undefined;
}

const isTextForm = (v: TfValue | undefined) => typeof v === "string" || (v instanceof Dynamic && v.type === "string");

/**
 * A JSON object in a dynamic attribute, in either form people write: JSON text (jsonencode) or a map. Key order,
 * whitespace and the form never make a diff; state shows the API's object in the form the user wrote (text when
 * nothing was written); an empty object is null. Keys in `serverOwned` belong to the API, as in jsonObjectText.
 */
export const jsonObject = (options: { serverOwned?: readonly string[] } = {}): Codec => {
  const owned = new Set(options.serverOwned ?? []);
  const split = (o: JsonObject, mine: boolean) => Object.fromEntries(Object.entries(o).filter(([k]) => owned.has(k) !== mine));
  const meaning = (v: TfValue) => jsonObjectOf(v) ?? (v === null ? {} : undefined);
  return {
    toApi: (v, current) => ({ ...(isPlainObject(current) ? split(current, false) : {}), ...split(jsonObjectOf(v) ?? {}, true) }),
    fromApi(v, like) {
      const mine = isPlainObject(v) ? split(v, true) : {};
      if (Object.keys(mine).length === 0) return null;
      return like === null || like === undefined || isUnknown(like) || isTextForm(like) ? new Dynamic("string", canonicalJson(mine)) : dynamicOfJson(mine);
    },
    equivalent(a, b) {
      const pa = meaning(a), pb = meaning(b);
      return pa !== undefined && pb !== undefined && canonicalJson(split(pa, true)) === canonicalJson(split(pb, true));
    },
    clear(current) {
      return this.toApi(null, current);
    },
    needsCurrent: owned.size > 0,
  };
};

/** A map(string) attribute against an API object of strings; an empty object is null, and {} clears. */
export const stringMap = (): Codec => ({
  toApi: (v) => (isObject(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === "string")) : {}),
  fromApi: (v) => {
    const entries = isPlainObject(v) ? Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string") : [];
    return entries.length ? newObject(entries) : null;
  },
  equivalent: (a, b) => canonicalJson(isObject(a) ? a : {}) === canonicalJson(isObject(b) ? b : {}),
  clear: () => ({}),
});
