// The in-memory form of a Terraform value. It is always read and written together with its CtyType.
//
//   null                      null (of any type)
//   Unknown                   an unknown value (refinements are dropped on decode)
//   string / boolean          string / bool
//   number | bigint | Decimal number: JS number when exact as float64, bigint for larger integers,
//                             Decimal for values that only a decimal string holds exactly
//   TfValue[]                 list, set, tuple
//   TfObject                  map, object (a null-prototype record)
//   Dynamic                   a value of type "dynamic", carrying its concrete type

import type { CtyType } from "./cty-type";

export class Unknown {
  private constructor() {}
  static readonly value = new Unknown();
  toJSON(): string {
    return "<unknown>";
  }
}
export const unknown = Unknown.value;
export function isUnknown(v: unknown): v is Unknown {
  return v === Unknown.value;
}

/** A number that float64 cannot hold exactly, kept as its decimal text. */
export class Decimal {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
  toJSON(): string {
    return this.text;
  }
}

export class Dynamic {
  constructor(readonly type: CtyType, readonly value: TfValue) {}
  /** Shown (in diagnostics and logs) as the value it holds. */
  toJSON(): TfValue {
    return this.value;
  }
}

export type TfNumber = number | bigint | Decimal;
export type TfObject = { [key: string]: TfValue };
export type TfValue = null | Unknown | string | boolean | TfNumber | TfValue[] | TfObject | Dynamic;

export function newObject(entries?: Iterable<[string, TfValue]>): TfObject {
  const o: TfObject = Object.create(null);
  if (entries) for (const [k, v] of entries) o[k] = v;
  return o;
}

export function isObject(v: TfValue): v is TfObject {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof Decimal) && !(v instanceof Dynamic);
}

/** True when the value or anything inside it is unknown. */
export function containsUnknown(v: TfValue): boolean {
  if (isUnknown(v)) return true;
  if (Array.isArray(v)) return v.some(containsUnknown);
  if (v instanceof Dynamic) return containsUnknown(v.value);
  if (isObject(v)) return Object.values(v).some(containsUnknown);
  return false;
}

/** Canonical decimal text of a number, used to compare numbers exactly. */
export function numberText(n: TfNumber): string {
  if (typeof n === "bigint") return n.toString();
  if (n instanceof Decimal) return normalizeDecimal(n.text);
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) >= 1e21) return BigInt(n).toString();
  return normalizeDecimal(String(n));
}

function normalizeDecimal(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m) return text;
  const [, sign, intPart, frac = "", expText] = m;
  let digits = intPart + frac;
  let point = intPart.length + (expText ? parseInt(expText, 10) : 0);
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits + "0".repeat(point - digits.length);
  let whole = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  const fraction = digits.slice(point).replace(/0+$/, "");
  const out = fraction ? `${whole}.${fraction}` : whole;
  return out === "0" ? "0" : sign + out;
}

/** Strict structural equality of two values of the same type (numbers compared by decimal text). */
export function valuesEqual(a: TfValue, b: TfValue): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (isUnknown(a) || isUnknown(b)) return false;
  const aNum = typeof a === "number" || typeof a === "bigint" || a instanceof Decimal;
  const bNum = typeof b === "number" || typeof b === "bigint" || b instanceof Decimal;
  if (aNum || bNum) return aNum && bNum && numberText(a as TfNumber) === numberText(b as TfNumber);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => valuesEqual(x, b[i]));
  }
  if (a instanceof Dynamic || b instanceof Dynamic) {
    return a instanceof Dynamic && b instanceof Dynamic && JSON.stringify(a.type) === JSON.stringify(b.type) && valuesEqual(a.value, b.value);
  }
  if (isObject(a) && isObject(b)) {
    const ak = Object.keys(a), bk = Object.keys(b);
    if (ak.length !== bk.length) return false;
    return ak.every((k) => k in b && valuesEqual(a[k], b[k]));
  }
  return false;
}
