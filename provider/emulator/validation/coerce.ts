// Pydantic v2 lax-mode coercion for the field types LiteLLM's request models use, with pydantic's
// error types and messages. Each coercer returns the value to store or an issue without its location.

import type { ValidationIssue } from "../errors";

export type Issue = Omit<ValidationIssue, "loc">;
export type Coerced = { ok: true; value: unknown } | { ok: false; issue: Issue };
export type Coercer = (input: unknown) => Coerced;

const ok = (value: unknown): Coerced => ({ ok: true, value });
const fail = (type: string, msg: string, input: unknown, ctx?: Record<string, unknown>): Coerced => ({
  ok: false,
  issue: ctx ? { type, msg, input, ctx } : { type, msg, input },
});

export const str: Coercer = (input) => (typeof input === "string" ? ok(input) : fail("string_type", "Input should be a valid string", input));

export const float: Coercer = (input) => {
  if (typeof input === "number") return ok(input);
  if (typeof input === "boolean") return ok(input ? 1 : 0);
  if (typeof input === "string") {
    const n = parsePythonFloat(input);
    return n === undefined ? fail("float_parsing", "Input should be a valid number, unable to parse string as a number", input) : ok(n);
  }
  return fail("float_type", "Input should be a valid number", input);
};

export const int: Coercer = (input) => {
  if (typeof input === "boolean") return ok(input ? 1 : 0);
  if (typeof input === "number") {
    return Number.isInteger(input) ? ok(input) : fail("int_from_float", "Input should be a valid integer, got a number with a fractional part", input);
  }
  if (typeof input === "string") {
    const m = /^\s*([+-]?\d+)(?:\.0*)?\s*$/.exec(input);
    return m ? ok(Number(m[1])) : fail("int_parsing", "Input should be a valid integer, unable to parse string as an integer", input);
  }
  return fail("int_type", "Input should be a valid integer", input);
};

const TRUE_WORDS = new Set(["1", "on", "t", "true", "y", "yes"]);
const FALSE_WORDS = new Set(["0", "off", "f", "false", "n", "no"]);

export const bool: Coercer = (input) => {
  if (typeof input === "boolean") return ok(input);
  if (input === 0 || input === 1) return ok(input === 1);
  if (typeof input === "number") return fail("bool_parsing", "Input should be a valid boolean, unable to interpret input", input);
  if (typeof input === "string") {
    const word = input.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return ok(true);
    if (FALSE_WORDS.has(word)) return ok(false);
    return fail("bool_parsing", "Input should be a valid boolean, unable to interpret input", input);
  }
  return fail("bool_type", "Input should be a valid boolean", input);
};

export const list: Coercer = (input) => (Array.isArray(input) ? ok(input) : fail("list_type", "Input should be a valid list", input));

export const dict: Coercer = (input) =>
  isPlainObject(input) ? ok(input) : fail("dict_type", "Input should be a valid dictionary", input);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function stringLength(min: number, max: number): Coercer {
  return (input) => {
    const base = str(input);
    if (!base.ok) return base;
    const length = [...(input as string)].length;
    if (length < min) return fail("string_too_short", `String should have at least ${min} characters`, input, { min_length: min });
    if (length > max) return fail("string_too_long", `String should have at most ${max} characters`, input, { max_length: max });
    return base;
  };
}

/** Python float() text: optional sign, digits with optional fraction/exponent, inf/nan, surrounding whitespace. */
function parsePythonFloat(text: string): number | undefined {
  const t = text.trim().replace(/(\d)_(?=\d)/g, "$1");
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  const word = t.toLowerCase().replace(/^[+-]/, "");
  if (word === "inf" || word === "infinity") return t.startsWith("-") ? -Infinity : Infinity;
  if (word === "nan") return NaN;
  return undefined;
}

/** Union[List[X], X]: one item, or a list whose first bad item is the issue. */
export function oneOrMany(item: Coercer): Coercer {
  return (input) => {
    if (!Array.isArray(input)) return item(input);
    const values: unknown[] = [];
    for (const element of input) {
      const result = item(element);
      if (!result.ok) return result;
      values.push(result.value);
    }
    return { ok: true, value: values };
  };
}
