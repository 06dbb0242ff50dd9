// Lossless conversion between Terraform's arbitrary-precision numbers and their decimal text.
// cty numbers are big floats; msgpack may carry them as strings and JSON always carries them as text.

import { CodecError } from "./codec-error";
import { Decimal, numberText, type TfNumber } from "../../values/value";

const DECIMAL_SYNTAX = /^([+-]?)(?:\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?$/;
const INFINITY_SYNTAX = /^([+-]?)inf(?:inity)?$/i;
/** Integers of up to 15 digits, without leading zeros: already canonical, and exact as JS numbers. */
const SMALL_INTEGER = /^-?(?:0|[1-9]\d{0,14})$/;
// Exponents beyond this would make the normalised text (and every comparison) absurdly long.
const MAX_EXPONENT = 10_000;

/**
 * Reads a number from decimal text without losing precision:
 * integers within ±2^53 and exactly representable fractions become JS numbers,
 * larger integers become bigint, and everything else keeps its (normalised) text as a Decimal.
 */
export function parseNumberText(text: string): TfNumber {
  // Most numbers in states and plans (budgets, limits, spend) take this path.
  if (SMALL_INTEGER.test(text)) return Number(text) || 0;
  const inf = INFINITY_SYNTAX.exec(text);
  if (inf) return inf[1] === "-" ? -Infinity : Infinity;
  const m = DECIMAL_SYNTAX.exec(text);
  if (!m) throw new CodecError(`${JSON.stringify(truncate(text))} is not a number`);
  if (m[2] !== undefined && Math.abs(parseInt(m[2], 10)) > MAX_EXPONENT) {
    throw new CodecError(`number ${JSON.stringify(truncate(text))} is out of range`);
  }
  const canonical = numberText(new Decimal(text.replace(/^\+/, "").replace(/^(-?)\./, "$10.")));
  const asFloat = Number(text);
  const isInteger = !canonical.includes(".");
  if (isInteger) {
    if (Number.isSafeInteger(asFloat)) return asFloat === 0 ? 0 : asFloat;
    return BigInt(canonical);
  }
  if (Number.isFinite(asFloat) && numberText(asFloat) === canonical) return asFloat;
  return new Decimal(canonical);
}

/** True when text is a decimal number Terraform can parse (used before sending a Decimal). */
export function isNumberText(text: string): boolean {
  return DECIMAL_SYNTAX.test(text);
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
