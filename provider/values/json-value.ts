// Plain JSON as Terraform values and back: what a dynamic attribute holds when it was written as an HCL object
// (or read from a state another provider wrote as a map), with the cty type jsondecode would give it.
import type { CtyType } from "./cty-type";
import { Decimal, Dynamic, isObject, isUnknown, newObject, numberText, type TfValue } from "./value";

/** The type Terraform's jsondecode gives a JSON value: objects become object types, arrays tuples. */
export function ctyTypeOfJson(v: unknown): CtyType {
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return ["tuple", v.map(ctyTypeOfJson)];
  if (v !== null && typeof v === "object") {
    const attrs: { [k: string]: CtyType } = Object.create(null);
    for (const [k, x] of Object.entries(v)) attrs[k] = ctyTypeOfJson(x);
    return ["object", attrs];
  }
  return "dynamic";
}

/** A JSON value as a Terraform value of ctyTypeOfJson's type (a JSON null is a null of any type). */
export function tfValueOfJson(v: unknown): TfValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.map(tfValueOfJson);
  return newObject(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, tfValueOfJson(x)]));
}

/** A JSON value wrapped for a dynamic attribute. */
export function dynamicOfJson(v: unknown): Dynamic {
  return new Dynamic(ctyTypeOfJson(v), tfValueOfJson(v));
}

/** A known Terraform value as plain JSON; numbers that float64 cannot hold keep their decimal value as closely as JSON can. */
export function jsonOfTfValue(v: TfValue): unknown {
  if (v === null || isUnknown(v)) return null;
  if (v instanceof Dynamic) return jsonOfTfValue(v.value);
  if (typeof v === "bigint" || v instanceof Decimal) return Number(numberText(v));
  if (Array.isArray(v)) return v.map(jsonOfTfValue);
  if (isObject(v)) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = jsonOfTfValue(x);
    return o;
  }
  return v;
}
