// How one attribute's value travels between Terraform and an API: the value the API receives, the state form
// of what it returns, and when two state values mean the same (so state keeps what the user wrote).
import { isObject, isUnknown, numberText, valuesEqual, type TfNumber, type TfValue } from "../../values/value";

export interface Codec {
  /** The API form of a known, non-null Terraform value. `current` is the API's value now (update only). */
  toApi(value: TfValue, current?: unknown): unknown;
  /** The state form of what the API returns (null when it has nothing); `like` is the user's value, for its form. */
  fromApi(value: unknown, like?: TfValue): TfValue;
  /** True when two known state values (either may be null) mean the same to the API. Default: equal. */
  equivalent?(a: TfValue, b: TfValue): boolean;
  /** What the API receives to clear the field when the attribute is removed from the configuration. Default null. */
  clear?(current?: unknown): unknown;
  /** toApi needs the API's current value (an update reads the object first). */
  needsCurrent?: boolean;
}

export function numberOf(v: TfValue): number | null {
  if (v === null || isUnknown(v)) return null;
  if (typeof v === "number") return v;
  if (typeof v === "bigint" || (typeof v === "object" && v !== null && "text" in v)) return Number(numberText(v as TfNumber));
  return null;
}

function apiNumber(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}

export const text = (options: { emptyIsNull?: boolean } = {}): Codec => ({
  toApi: (v) => v,
  fromApi: (v) => (typeof v === "string" && !(options.emptyIsNull && v === "") ? v : null),
});

export const number = (): Codec => ({
  toApi: (v) => numberOf(v),
  fromApi: (v) => apiNumber(v),
  equivalent: (a, b) => numberOf(a) === numberOf(b),
});

export const bool = (options: { nullIs?: boolean } = {}): Codec => ({
  toApi: (v) => v,
  fromApi: (v) => (typeof v === "boolean" ? v : (options.nullIs ?? null)),
});

/**
 * A number where `unset` (0 by default) means "no value" to Terraform users, sent as null. With
 * `zeroCapIsDrift`, a 0 the API holds is not "unset": it reads as null so the plan shows the change back.
 */
export const optionalAmount = (options: { unset?: number; zeroCapIsDrift?: boolean } = {}): Codec => {
  const unset = options.unset ?? 0;
  return {
    toApi: (v) => (numberOf(v) === unset ? null : numberOf(v)),
    fromApi: (v) => {
      const n = apiNumber(v);
      if (n === null) return unset;
      return options.zeroCapIsDrift && n === 0 && unset === 0 ? null : n;
    },
    equivalent: (a, b) => numberOf(a) === numberOf(b),
  };
};

/** A list of strings; an empty list on the API side is null in state, and `[]` clears. */
export const stringList = (): Codec => ({
  toApi: (v) => (Array.isArray(v) ? [...v] : []),
  fromApi: (v) => (Array.isArray(v) && v.length > 0 ? v.filter((x): x is string => typeof x === "string") : null),
  equivalent: (a, b) => valuesEqual(Array.isArray(a) ? a : [], Array.isArray(b) ? b : []),
  clear: () => [],
});

/**
 * A string with several spellings of one API value (seed spellings such as weekly for 7d). `nullMeans`: the
 * spelling the API assumes when it holds none (a user without a role is an internal_user).
 */
export const spelledText = (options: { toApi: (v: string) => string; equivalent: (a: string, b: string) => boolean; nullMeans?: string }): Codec => {
  const spelling = (v: TfValue) => (v === null && options.nullMeans !== undefined ? options.nullMeans : v);
  return {
    toApi: (v) => options.toApi(v as string),
    fromApi: (v) => (typeof v === "string" && v !== "" ? v : null),
    equivalent: (x, y) => {
      const a = spelling(x), b = spelling(y);
      return typeof a === "string" && typeof b === "string" ? options.equivalent(a, b) : a === b;
    },
  };
};

/**
 * A JSON object kept as a string attribute (jsonencode). Key order and whitespace never make a diff. Keys in
 * `serverOwned` belong to the API (settings it keeps inside the object): they are left out of state, never
 * compared, and kept on update by merging them from the API's current object.
 */
export const jsonObjectText = (options: { serverOwned?: readonly string[]; emptyIsNull?: boolean } = {}): Codec => {
  const owned = new Set(options.serverOwned ?? []);
  const own = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => !owned.has(k)));
  return {
    toApi(v, current) {
      const mine = parseObject(v as string) ?? {};
      const kept = isPlainObject(current) ? Object.fromEntries(Object.entries(current).filter(([k]) => owned.has(k))) : {};
      return { ...mine, ...kept };
    },
    fromApi(v) {
      if (!isPlainObject(v)) return null;
      const mine = own(v);
      return options.emptyIsNull !== false && Object.keys(mine).length === 0 ? null : canonicalJson(mine);
    },
    equivalent(a, b) {
      const pa = typeof a === "string" ? parseObject(a) : a === null ? {} : undefined;
      const pb = typeof b === "string" ? parseObject(b) : b === null ? {} : undefined;
      return pa !== undefined && pb !== undefined && canonicalJson(own(pa)) === canonicalJson(own(pb));
    },
    clear(current) {
      return this.toApi("{}", current);
    },
    needsCurrent: owned.size > 0,
  };
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

export function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return isPlainObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** JSON with object keys sorted and no whitespace, as Terraform's jsonencode writes it. */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : isPlainObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])])) : v;
  return JSON.stringify(sort(value));
}

/** A map(number) attribute against an API object of numbers. */
export const numberMap = (): Codec => ({
  toApi: (v) => (isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, numberOf(x)])) : {}),
  fromApi: (v) => {
    if (!isPlainObject(v) || Object.keys(v).length === 0) return null;
    const out: Record<string, TfValue> = Object.create(null);
    for (const [k, x] of Object.entries(v)) out[k] = apiNumber(x);
    return out;
  },
  equivalent: (a, b) => {
    const ea = isObject(a) ? Object.entries(a) : [], eb = isObject(b) ? b : {};
    return ea.length === (isObject(b) ? Object.keys(b).length : 0) && ea.every(([k, x]) => k in eb && numberOf(x) === numberOf(eb[k]!));
  },
  clear: () => ({}),
});
