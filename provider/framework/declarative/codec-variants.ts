// Codecs for APIs that tell "empty" and "none" apart in their own way.
import type { TfValue } from "../../values/value";
import { stringList, type Codec } from "./codec";

/** A string where "" and none are the same; removing it sends `clearWith` (an API that ignores null clears with ""). */
export const clearableText = (options: { clearWith: string }): Codec => {
  const orNull = (v: TfValue) => (v === "" ? null : v);
  return {
    toApi: (v) => v,
    fromApi: (v) => (typeof v === "string" && v !== "" ? v : null),
    equivalent: (a, b) => orNull(a) === orNull(b),
    clear: () => options.clearWith,
  };
};

/** A list of strings read as the API lists them, an empty list included (an output that says "none" as []). */
export const listedStrings = (): Codec => ({
  ...stringList(),
  fromApi: (v) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : null),
});
