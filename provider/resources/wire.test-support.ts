// For tests that build objects by hand: values of dynamic attributes written plainly (JSON text as a string,
// a map as a plain object) are wrapped as Terraform sends them, and JSON text is unwrapped again for assertions.
import type { CtyType } from "../values/cty-type";
import { dynamicOfJson, jsonOfTfValue } from "../values/json-value";
import { Dynamic, isUnknown, newObject, type TfObject } from "../values/value";

export function toWire(o: TfObject | null, type: CtyType): TfObject | null {
  if (o === null || !Array.isArray(type) || type[0] !== "object") return o;
  const attrs = type[1] as Record<string, CtyType>;
  const out = newObject(Object.entries(o));
  for (const [k, v] of Object.entries(o)) {
    if (attrs[k] !== "dynamic" || v === null || isUnknown(v) || v instanceof Dynamic) continue;
    out[k] = typeof v === "string" ? new Dynamic("string", v) : dynamicOfJson(jsonOfTfValue(v));
  }
  return out;
}

export function fromWire(o: TfObject | null): TfObject | null {
  if (o === null) return o;
  const out = newObject(Object.entries(o));
  for (const [k, v] of Object.entries(o)) if (v instanceof Dynamic && v.type === "string") out[k] = v.value;
  return out;
}
