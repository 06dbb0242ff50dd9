// A list of strings whose order and repeats mean nothing to the API (LiteLLM answers group members sorted).
import { valuesEqual, type TfValue } from "../../values/value";
import type { Codec } from "../../framework/declarative";

const canonical = (v: TfValue): string[] => (Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === "string"))].sort() : []);

export const stringSet = (): Codec => ({
  toApi: (v) => canonical(v),
  fromApi: (v) => (Array.isArray(v) && v.length > 0 ? [...new Set(v.filter((x): x is string => typeof x === "string"))].sort() : null),
  equivalent: (a, b) => valuesEqual(canonical(a), canonical(b)),
  clear: () => [],
});
