// A map(string) attribute against an API object whose values may be any JSON: strings as they are, other
// values as their JSON text (so 1 and "1" compare equal to what LiteLLM echoes).
import { isObject, type TfValue } from "../values/value";
import type { Codec } from "../framework/declarative";

const asText = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v));

export const stringMap = (): Codec => ({
  toApi: (v) => (isObject(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null)) : {}),
  fromApi: (v) => {
    if (v === null || typeof v !== "object" || Array.isArray(v) || Object.keys(v).length === 0) return null;
    const out: Record<string, TfValue> = Object.create(null);
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = asText(x);
    return out;
  },
  clear: () => ({}),
});
