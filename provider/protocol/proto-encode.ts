// Plain objects -> protobuf bytes, with proto3 rules: unset (null/undefined) fields and singular scalars
// holding their default are left out, while oneof members and message fields are written whenever set.
// Two passes over the object: the first measures (and remembers nested lengths in order), the second
// writes into one buffer of exactly that size.

import { utf8Length, writeUtf8 } from "./codec/utf8";
import type { FieldInfo, MessageInfo, ScalarKind } from "./proto-types";

type Plain = Record<string, unknown>;

export class ProtoEncodeError extends Error {
  override readonly name = "ProtoEncodeError";
}

export function encodeMessage(info: MessageInfo, value: Plain): Buffer {
  const lengths: number[] = [];
  const size = measureMessage(info, value, lengths);
  const w: Writer = { buf: Buffer.allocUnsafe(size), pos: 0, lengths, next: 0 };
  writeMessage(info, value, w);
  if (w.pos !== size) throw new ProtoEncodeError(`${info.fullName}: wrote ${w.pos} bytes, measured ${size}`);
  return w.buf;
}

interface Writer {
  buf: Buffer;
  pos: number;
  /** Lengths of nested messages, packed runs and strings, in the order the writer meets them. */
  lengths: number[];
  next: number;
}

// ---- measuring -------------------------------------------------------------------------------

function measureMessage(info: MessageInfo, value: Plain, lengths: number[]): number {
  let size = 0;
  for (const field of info.fields) {
    const v = value[field.name];
    if (v === undefined || v === null) continue;
    const tagSize = varintSize((field.id << 3) >>> 0);
    if (field.mapKey !== undefined) {
      const valueField = mapValueField(field);
      for (const [k, item] of Object.entries(v as Plain)) {
        const at = lengths.push(0) - 1;
        const entry = 1 + measureScalar(field.mapKey, k, lengths) + 1 + measureValue(valueField, item, lengths);
        lengths[at] = entry;
        size += tagSize + varintSize(entry) + entry;
      }
    } else if (field.repeated) {
      const list = asArray(field, v);
      if (list.length === 0) continue;
      if (isPackable(field.kind)) {
        const at = lengths.push(0) - 1;
        let run = 0;
        for (const item of list) run += measureScalar(field.kind as ScalarKind, item, lengths, field);
        lengths[at] = run;
        size += tagSize + varintSize(run) + run;
      } else {
        for (const item of list) size += tagSize + measureValue(field, item, lengths);
      }
    } else if (isPresent(field, v)) {
      size += tagSize + measureValue(field, v, lengths);
    }
  }
  return size;
}

/** The bytes of one value after its tag. */
function measureValue(field: FieldInfo, v: unknown, lengths: number[]): number {
  if (field.kind !== "message") return measureScalar(field.kind, v, lengths, field);
  const at = lengths.push(0) - 1;
  const inner = measureMessage(field.message!, (v ?? {}) as Plain, lengths);
  lengths[at] = inner;
  return varintSize(inner) + inner;
}

function measureScalar(kind: ScalarKind, v: unknown, lengths: number[], field?: FieldInfo): number {
  switch (kind) {
    case "string": {
      const n = utf8Length(String(v));
      lengths.push(n);
      return varintSize(n) + n;
    }
    case "bytes": {
      const n = toBytes(v).length;
      return varintSize(n) + n;
    }
    case "bool":
      return 1;
    case "double":
    case "fixed64":
    case "sfixed64":
      return 8;
    case "float":
    case "fixed32":
    case "sfixed32":
      return 4;
    case "sint32":
    case "sint64":
      return varint64Size(zigzag(toNumber(v)));
    case "uint32":
    case "uint64":
      return varint64Size(toNumber(v));
    case "enum":
      return signedVarintSize(enumNumber(field, v));
    default:
      return signedVarintSize(toNumber(v));
  }
}

// ---- writing ---------------------------------------------------------------------------------

function writeMessage(info: MessageInfo, value: Plain, w: Writer): void {
  for (const field of info.fields) {
    const v = value[field.name];
    if (v === undefined || v === null) continue;
    const tag = (field.id << 3) >>> 0;
    if (field.mapKey !== undefined) {
      const valueField = mapValueField(field);
      for (const [k, item] of Object.entries(v as Plain)) {
        writeVarint(w, tag | 2);
        writeVarint(w, w.lengths[w.next++]!);
        writeVarint(w, (1 << 3) | wireTypeOf(field.mapKey));
        writeScalar(w, field.mapKey, k);
        writeVarint(w, (2 << 3) | wireTypeOfField(valueField));
        writeValue(w, valueField, item);
      }
    } else if (field.repeated) {
      const list = asArray(field, v);
      if (list.length === 0) continue;
      if (isPackable(field.kind)) {
        writeVarint(w, tag | 2);
        writeVarint(w, w.lengths[w.next++]!);
        for (const item of list) writeScalar(w, field.kind as ScalarKind, item, field);
      } else {
        for (const item of list) {
          writeVarint(w, tag | wireTypeOfField(field));
          writeValue(w, field, item);
        }
      }
    } else if (isPresent(field, v)) {
      writeVarint(w, tag | wireTypeOfField(field));
      writeValue(w, field, v);
    }
  }
}

/** Writes one value after its tag. */
function writeValue(w: Writer, field: FieldInfo, v: unknown): void {
  if (field.kind !== "message") return writeScalar(w, field.kind, v, field);
  writeVarint(w, w.lengths[w.next++]!);
  writeMessage(field.message!, (v ?? {}) as Plain, w);
}

function writeScalar(w: Writer, kind: ScalarKind, v: unknown, field?: FieldInfo): void {
  switch (kind) {
    case "string": {
      const n = w.lengths[w.next++]!;
      writeVarint(w, n);
      w.pos += writeUtf8(String(v), w.buf, w.pos);
      return;
    }
    case "bytes": {
      const b = toBytes(v);
      writeVarint(w, b.length);
      w.buf.set(b, w.pos);
      w.pos += b.length;
      return;
    }
    case "bool":
      w.buf[w.pos++] = v ? 1 : 0;
      return;
    case "double":
      w.pos = w.buf.writeDoubleLE(toNumber(v), w.pos);
      return;
    case "float":
      w.pos = w.buf.writeFloatLE(toNumber(v), w.pos);
      return;
    case "fixed32":
      w.pos = w.buf.writeUInt32LE(toNumber(v) >>> 0, w.pos);
      return;
    case "sfixed32":
      w.pos = w.buf.writeInt32LE(toNumber(v) | 0, w.pos);
      return;
    case "fixed64":
    case "sfixed64":
      writeFixed64(w, toNumber(v));
      return;
    case "sint32":
    case "sint64":
      writeVarint64(w, zigzag(toNumber(v)));
      return;
    case "uint32":
    case "uint64":
      writeVarint64(w, toNumber(v));
      return;
    case "enum":
      writeVarint64(w, enumNumber(field, v));
      return;
    default:
      writeVarint64(w, toNumber(v));
  }
}

// ---- helpers ---------------------------------------------------------------------------------

const TWO_32 = 4294967296;

function isPackable(kind: FieldInfo["kind"]): boolean {
  return kind !== "string" && kind !== "bytes" && kind !== "message";
}

/** Whether a singular field is written: messages and oneof members whenever set, other scalars unless default. */
function isPresent(field: FieldInfo, v: unknown): boolean {
  switch (field.kind) {
    case "message":
      return true;
    case "string":
      return field.oneof || v !== "";
    case "bytes":
      return field.oneof || toBytes(v).length !== 0;
    case "bool":
      return field.oneof || Boolean(v);
    case "enum":
      return field.oneof || enumNumber(field, v) !== 0;
    default:
      return field.oneof || toNumber(v) !== 0;
  }
}

const mapValueFields = new WeakMap<FieldInfo, FieldInfo>();
/** A map field's value, described as a singular field. */
function mapValueField(field: FieldInfo): FieldInfo {
  let value = mapValueFields.get(field);
  if (!value) mapValueFields.set(field, (value = { ...field, mapKey: undefined, repeated: false, oneof: false }));
  return value;
}

function wireTypeOf(kind: ScalarKind): number {
  if (kind === "string" || kind === "bytes") return 2;
  if (kind === "double" || kind === "fixed64" || kind === "sfixed64") return 1;
  if (kind === "float" || kind === "fixed32" || kind === "sfixed32") return 5;
  return 0;
}

function wireTypeOfField(field: FieldInfo): number {
  return field.kind === "message" ? 2 : wireTypeOf(field.kind);
}

function asArray(field: FieldInfo, v: unknown): unknown[] {
  if (!Array.isArray(v)) throw new ProtoEncodeError(`${field.name}: expected an array`);
  return v;
}

function toNumber(v: unknown): number {
  const n = typeof v === "number" ? v : Number(v);
  if (!Number.isFinite(n)) throw new ProtoEncodeError(`not a finite number: ${String(v)}`);
  return n;
}

function enumNumber(field: FieldInfo | undefined, v: unknown): number {
  if (typeof v === "string" && field?.enumValues && v in field.enumValues) return field.enumValues[v]!;
  return toNumber(v);
}

function toBytes(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (typeof v === "string") return Buffer.from(v, "base64");
  if (Array.isArray(v)) return Buffer.from(v as number[]);
  throw new ProtoEncodeError("expected bytes");
}

function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

function varintSize(n: number): number {
  return n < 0x80 ? 1 : n < 0x4000 ? 2 : n < 0x200000 ? 3 : n < 0x10000000 ? 4 : varint64Size(n);
}

/** Size of a non-negative integer up to 2^64 (as a double). */
function varint64Size(n: number): number {
  let size = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

/** int32/int64/enum: negative values take 10 bytes (two's complement, sign-extended). */
function signedVarintSize(n: number): number {
  return n < 0 ? 10 : varint64Size(n);
}

function writeVarint(w: Writer, n: number): void {
  if (n < 0x80) {
    w.buf[w.pos++] = n;
    return;
  }
  writeVarint64(w, n);
}

function writeVarint64(w: Writer, n: number): void {
  if (n < 0) {
    // Two's complement over 64 bits, as lo/hi 32-bit halves.
    const abs = -n;
    let lo = abs >>> 0;
    let hi = Math.floor(abs / TWO_32) >>> 0;
    lo = (~lo + 1) >>> 0;
    hi = ~hi >>> 0;
    if (lo === 0) hi = (hi + 1) >>> 0;
    for (let i = 0; i < 9; i++) {
      w.buf[w.pos++] = (lo & 0x7f) | 0x80;
      lo = ((lo >>> 7) | (hi << 25)) >>> 0;
      hi >>>= 7;
    }
    w.buf[w.pos++] = lo & 0x01;
    return;
  }
  while (n >= 0x80) {
    w.buf[w.pos++] = (n % 128) | 0x80;
    n = Math.floor(n / 128);
  }
  w.buf[w.pos++] = n;
}

function writeFixed64(w: Writer, n: number): void {
  const lo = n >>> 0;
  const hi = Math.floor(n / TWO_32) | 0;
  w.pos = w.buf.writeUInt32LE(lo, w.pos);
  w.pos = w.buf.writeInt32LE(hi, w.pos);
}
