// Seeded generators for the bridge fuzz: values of a cty type (mostly plausible, sometimes hostile), their msgpack
// and JSON encodings, and byte mutations. The same seed gives the same cases, so any failure can be replayed.
import type { CtyType } from "../../../provider/values/cty-type";
import { encodeMsgpack } from "../../../provider/protocol/codec/encode-msgpack";
import { Decimal, Dynamic, isUnknown, newObject, numberText, unknown, type TfValue } from "../../../provider/values/value";

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }
  /** mulberry32: 0 ≤ x < 1. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  bytes(n: number): Uint8Array {
    return Uint8Array.from({ length: n }, () => this.int(256));
  }
}

const plausibleStrings = [
  "", " ", "a", "alice@example.com", "Alice@Example.COM ", "bob@example.com", "@", "user@", "admin", "user", "customer",
  "proxy_admin", "internal_user", "internal_user_viewer", "daily", "weekly", "monthly", "1d", "30d", "1mo", "2mo", "0s",
  "abc", "{}", '{"team":"a"}', '{"a":{"b":[1,2]}}', "[1,2]", "null", "not json", "sk-1234", "sk-" + "x".repeat(22),
  "gpt-4o", "💥", "\u0000", "\ud800", "é", "a\nb", "../../etc/passwd", "%00", "${var.x}", "x".repeat(5000),
];
const plausibleNumbers: TfValue[] = [0, 1, -1, 0.1, 1.5, 100, 1e6, -1e308, 1e308, Number.MAX_SAFE_INTEGER, 2n ** 63n, -(2n ** 63n), 2n ** 64n, new Decimal("0.1"), new Decimal("1e400"), new Decimal("-3.14159265358979323846264338327950288")];

/** A value of `type`; `depth` bounds nesting for dynamic values. */
export function genValue(rng: Rng, type: CtyType, depth = 0): TfValue {
  if (rng.chance(0.08)) return null;
  if (rng.chance(0.04)) return unknown;
  if (type === "string") return rng.chance(0.75) ? rng.pick(plausibleStrings) : randomString(rng);
  if (type === "bool") return rng.chance(0.5);
  if (type === "number") return rng.chance(0.7) ? rng.pick(plausibleNumbers) : randomNumber(rng);
  if (type === "dynamic") {
    const concrete = depth > 2 ? "string" : genType(rng, depth + 1);
    return new Dynamic(concrete, genValue(rng, concrete, depth + 1));
  }
  switch (type[0]) {
    case "list":
    case "set":
      return Array.from({ length: rng.int(4) }, () => genKnownish(rng, type[1], depth));
    case "tuple":
      return type[1].map((t) => genValue(rng, t, depth + 1));
    case "map":
      return newObject(Array.from({ length: rng.int(4) }, () => [rng.pick(plausibleStrings), genValue(rng, type[1], depth + 1)] as [string, TfValue]));
    case "object":
      return newObject(Object.entries(type[1]).map(([k, t]) => [k, genValue(rng, t, depth + 1)]));
  }
}

/** Collection elements: cty sets and lists may hold unknowns but not nulls in sets; keep them simple. */
function genKnownish(rng: Rng, type: CtyType, depth: number): TfValue {
  const v = genValue(rng, type, depth + 1);
  return v === null ? genValue(rng, type, depth + 1) ?? "x" : v;
}

export function genType(rng: Rng, depth = 0): CtyType {
  const primitive: CtyType[] = ["string", "number", "bool"];
  if (depth > 2 || rng.chance(0.5)) return rng.pick(primitive);
  switch (rng.int(5)) {
    case 0:
      return ["list", genType(rng, depth + 1)];
    case 1:
      return ["set", rng.pick(primitive)];
    case 2:
      return ["map", genType(rng, depth + 1)];
    case 3:
      return ["tuple", Array.from({ length: rng.int(3) }, () => genType(rng, depth + 1))];
    default:
      return ["object", Object.fromEntries(Array.from({ length: rng.int(3) }, (_, i) => [`a${i}`, genType(rng, depth + 1)]))];
  }
}

function randomString(rng: Rng): string {
  const n = rng.int(24);
  let s = "";
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    // Mostly ASCII, some of the rest of the BMP (no surrogates), some astral code points.
    s += String.fromCodePoint(r < 0.8 ? 0x20 + rng.int(0x5f) : r < 0.95 ? 0xa0 + rng.int(0xd7ff - 0xa0) : 0x10000 + rng.int(0x10000));
  }
  return s;
}

function randomNumber(rng: Rng): TfValue {
  switch (rng.int(4)) {
    case 0:
      return rng.int(2 ** 31) - 2 ** 30;
    case 1:
      return (rng.next() - 0.5) * 10 ** rng.int(300);
    case 2:
      return BigInt(rng.int(2 ** 31)) * 2n ** BigInt(rng.int(40)) * (rng.chance(0.5) ? 1n : -1n);
    default:
      return new Decimal(`${rng.int(1000)}.${rng.int(1_000_000)}e${rng.int(40) - 20}`);
  }
}

/** msgpack of a value of `type`, or random bytes when the value does not encode (an unknown inside a set key…). */
export function encodeOrRandom(rng: Rng, value: TfValue, type: CtyType): Uint8Array {
  try {
    return encodeMsgpack(value, type);
  } catch {
    return rng.bytes(rng.int(32));
  }
}

/** Hostile edits: flips, inserts, deletions, truncation, duplication, msgpack markers and huge lengths. */
export function mutate(rng: Rng, input: Uint8Array): Uint8Array {
  let bytes = Array.from(input);
  const edits = 1 + rng.int(4);
  for (let e = 0; e < edits; e++) {
    const at = bytes.length ? rng.int(bytes.length) : 0;
    switch (rng.int(9)) {
      case 0:
        if (bytes.length) bytes[at] ^= 1 << rng.int(8);
        break;
      case 1:
        bytes.splice(at, 0, rng.int(256));
        break;
      case 2:
        bytes.splice(at, 1 + rng.int(4));
        break;
      case 3:
        bytes = bytes.slice(0, at);
        break;
      case 4:
        bytes.splice(at, 0, ...bytes.slice(at, at + 1 + rng.int(16)));
        break;
      case 5: // a msgpack type marker: nil, ext, bin, str, array or map headers
        if (bytes.length) bytes[at] = rng.pick([0xc0, 0xc1, 0xc4, 0xc7, 0xd4, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0x80, 0x90, 0xa0, 0xcb, 0xcf, 0xd3]);
        break;
      case 6: // a 32-bit length that claims far more data than there is
        bytes.splice(at, 0, rng.pick([0xdb, 0xdd, 0xdf, 0xc6]), 0xff, 0xff, 0xff, rng.int(256));
        break;
      case 7: // deep nesting: many one-element arrays
        bytes.splice(at, 0, ...new Array(50 + rng.int(2000)).fill(0x91));
        break;
      default:
        bytes[at] = rng.int(256);
    }
  }
  return Uint8Array.from(bytes);
}

/** A stable text form of a value, for round-trip comparisons: unknowns equal, numbers by decimal text. */
export function canonical(v: TfValue): string {
  if (v === null) return "null";
  if (isUnknown(v)) return "?";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "boolean") return String(v);
  if (typeof v === "number" || typeof v === "bigint" || v instanceof Decimal) return `n${numberText(v)}`;
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  // A null or wholly unknown dynamic value carries no type on the wire (cty writes nil or a bare extension).
  if (v instanceof Dynamic) return v.value === null || isUnknown(v.value) ? canonical(v.value) : `dyn(${JSON.stringify(v.type)},${canonical(v.value)})`;
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
    .join(",")}}`;
}
