// Protobuf bytes -> the plain objects typed in gen/tfplugin6.ts (`X`): snake_case names, every scalar present with its
// default, repeated fields as arrays and maps as objects (always present), int64 and enums as numbers,
// bytes as Buffer views into the request, and unset message and oneof fields absent.

import type { FieldInfo, MessageInfo, ScalarKind } from "./proto-types";

const EMPTY = Buffer.alloc(0);
const TWO_32 = 4294967296;

export class ProtoDecodeError extends Error {
  override readonly name = "ProtoDecodeError";
}

interface Cursor {
  buf: Buffer;
  pos: number;
}

interface DecodePlan {
  template: Record<string, unknown>;
  /** Names of repeated fields (fresh arrays per message) and map fields (fresh objects). */
  arrays: string[];
  maps: string[];
}

const plans = new Map<MessageInfo, DecodePlan>();

export function decodeMessage(info: MessageInfo, bytes: Uint8Array): Record<string, unknown> {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return readMessage(info, { buf, pos: 0 }, buf.length);
}

function planFor(info: MessageInfo): DecodePlan {
  let plan = plans.get(info);
  if (plan) return plan;
  const template: Record<string, unknown> = {};
  const arrays: string[] = [];
  const maps: string[] = [];
  for (const f of info.fields) {
    if (f.mapKey !== undefined) maps.push(f.name);
    else if (f.repeated) arrays.push(f.name);
    else if (f.kind !== "message" && !f.oneof) template[f.name] = scalarDefault(f.kind);
  }
  plan = { template, arrays, maps };
  plans.set(info, plan);
  return plan;
}

function scalarDefault(kind: ScalarKind): unknown {
  if (kind === "string") return "";
  if (kind === "bytes") return EMPTY;
  if (kind === "bool") return false;
  return 0;
}

function readMessage(info: MessageInfo, c: Cursor, end: number): Record<string, unknown> {
  const plan = planFor(info);
  const out: Record<string, unknown> = { ...plan.template };
  for (const name of plan.arrays) out[name] = [];
  for (const name of plan.maps) out[name] = {};
  while (c.pos < end) {
    const tag = readVarint32(c);
    const field = info.byNumber[tag >>> 3];
    const wire = tag & 7;
    if (field === undefined) {
      skip(c, wire, end);
    } else if (field.mapKey !== undefined) {
      expectWire(field, wire, 2);
      const len = readLength(c, end);
      const [key, value] = readMapEntry(field, c, c.pos + len);
      (out[field.name] as Record<string, unknown>)[key] = value;
    } else if (field.repeated) {
      const list = out[field.name] as unknown[];
      if (wire === 2 && isPackable(field.kind)) {
        const len = readLength(c, end);
        const stop = c.pos + len;
        while (c.pos < stop) list.push(readScalar(field, c, stop));
      } else {
        list.push(readValue(field, c, wire, end));
      }
    } else {
      out[field.name] = readValue(field, c, wire, end);
    }
  }
  if (c.pos !== end) throw new ProtoDecodeError(`${info.fullName}: a field runs past the end of its message`);
  return out;
}

function readValue(field: FieldInfo, c: Cursor, wire: number, end: number): unknown {
  if (field.kind === "message") {
    expectWire(field, wire, 2);
    const len = readLength(c, end);
    return readMessage(field.message!, c, c.pos + len);
  }
  expectWire(field, wire, wireTypeOf(field.kind));
  return readScalar(field, c, end);
}

function readMapEntry(field: FieldInfo, c: Cursor, end: number): [string, unknown] {
  let key: unknown = scalarDefault(field.mapKey!);
  let value: unknown = field.kind === "message" ? undefined : scalarDefault(field.kind);
  const keyField = { ...field, kind: field.mapKey!, mapKey: undefined, repeated: false };
  while (c.pos < end) {
    const tag = readVarint32(c);
    const wire = tag & 7;
    if (tag >>> 3 === 1) key = readValue(keyField, c, wire, end);
    else if (tag >>> 3 === 2) value = readValue(field, c, wire, end);
    else skip(c, wire, end);
  }
  if (c.pos !== end) throw new ProtoDecodeError(`${field.name}: a map entry runs past its end`);
  if (value === undefined) value = readMessage(field.message!, c, c.pos); // an absent message value is empty
  return [String(key), value];
}

function readScalar(field: FieldInfo, c: Cursor, end: number): unknown {
  switch (field.kind) {
    case "string": {
      const len = readLength(c, end);
      const s = readText(c.buf, c.pos, c.pos + len);
      c.pos += len;
      return s;
    }
    case "bytes": {
      const len = readLength(c, end);
      const b = c.buf.subarray(c.pos, c.pos + len);
      c.pos += len;
      return b;
    }
    case "bool":
      return readVarint64(c, false) !== 0;
    case "int32":
    case "enum":
      return readVarint32(c) | 0;
    case "uint32":
      return readVarint32(c) >>> 0;
    case "int64":
      return readVarint64(c, true);
    case "uint64":
      return readVarint64(c, false);
    case "sint32": {
      const n = readVarint32(c) >>> 0;
      return (n >>> 1) ^ -(n & 1);
    }
    case "sint64": {
      const n = readVarint64(c, false);
      return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
    }
    case "double":
      return fixed(c, 8, end, (b, at) => b.readDoubleLE(at));
    case "float":
      return fixed(c, 4, end, (b, at) => b.readFloatLE(at));
    case "fixed32":
      return fixed(c, 4, end, (b, at) => b.readUInt32LE(at));
    case "sfixed32":
      return fixed(c, 4, end, (b, at) => b.readInt32LE(at));
    case "fixed64":
      return fixed(c, 8, end, (b, at) => b.readUInt32LE(at) + b.readUInt32LE(at + 4) * TWO_32);
    case "sfixed64":
      return fixed(c, 8, end, (b, at) => b.readUInt32LE(at) + b.readInt32LE(at + 4) * TWO_32);
    default:
      throw new ProtoDecodeError(`${field.name}: unexpected kind ${field.kind}`);
  }
}

/** Short ASCII strings (type names, attribute names) by hand; anything else through Buffer's decoder. */
function readText(buf: Buffer, start: number, end: number): string {
  if (end - start > 32) return buf.toString("utf8", start, end);
  let out = "";
  for (let i = start; i < end; i++) {
    const b = buf[i]!;
    if (b >= 0x80) return buf.toString("utf8", start, end);
    out += String.fromCharCode(b);
  }
  return out;
}

function fixed(c: Cursor, size: number, end: number, read: (b: Buffer, at: number) => number): number {
  if (c.pos + size > end) throw new ProtoDecodeError("truncated fixed-width value");
  const v = read(c.buf, c.pos);
  c.pos += size;
  return v;
}

function isPackable(kind: FieldInfo["kind"]): boolean {
  return kind !== "string" && kind !== "bytes" && kind !== "message";
}

function wireTypeOf(kind: ScalarKind): number {
  switch (kind) {
    case "string":
    case "bytes":
      return 2;
    case "double":
    case "fixed64":
    case "sfixed64":
      return 1;
    case "float":
    case "fixed32":
    case "sfixed32":
      return 5;
    default:
      return 0;
  }
}

function expectWire(field: FieldInfo, wire: number, expected: number): void {
  if (wire !== expected) throw new ProtoDecodeError(`${field.name}: wire type ${wire}, expected ${expected}`);
}

function readLength(c: Cursor, end: number): number {
  const len = readVarint32(c) >>> 0;
  if (c.pos + len > end) throw new ProtoDecodeError("a length-delimited field runs past the end of its message");
  return len;
}

/** The low 32 bits of a varint (up to 10 bytes). */
function readVarint32(c: Cursor): number {
  const buf = c.buf;
  let pos = c.pos;
  let b = buf[pos++]!;
  let value = b & 0x7f;
  if (b >= 0x80) {
    b = buf[pos++]!;
    value |= (b & 0x7f) << 7;
    if (b >= 0x80) {
      b = buf[pos++]!;
      value |= (b & 0x7f) << 14;
      if (b >= 0x80) {
        b = buf[pos++]!;
        value |= (b & 0x7f) << 21;
        if (b >= 0x80) {
          b = buf[pos++]!;
          value |= b << 28;
          // Bytes 6 to 10 only carry the high bits of a 64-bit (or negative) value.
          for (let i = 0; b >= 0x80 && i < 5; i++) b = buf[pos++]!;
          if (b >= 0x80) throw new ProtoDecodeError("varint longer than 10 bytes");
        }
      }
    }
  }
  if (pos > buf.length) throw new ProtoDecodeError("truncated varint");
  c.pos = pos;
  return value;
}

/** A varint as a JS number (exact up to 2^53); negative when signed and the top bit is set. */
function readVarint64(c: Cursor, signed: boolean): number {
  const buf = c.buf;
  let lo = 0;
  let hi = 0;
  let i = 0;
  let b: number;
  do {
    if (c.pos >= buf.length) throw new ProtoDecodeError("truncated varint");
    b = buf[c.pos++]!;
    if (i < 4) lo |= (b & 0x7f) << (7 * i);
    else if (i === 4) {
      lo |= (b & 0x0f) << 28;
      hi |= (b & 0x7f) >>> 4;
    } else hi |= (b & 0x7f) << (7 * i - 32);
    i++;
  } while (b >= 0x80 && i < 10);
  if (b >= 0x80) throw new ProtoDecodeError("varint longer than 10 bytes");
  lo >>>= 0;
  hi >>>= 0;
  if (signed && hi >>> 31) {
    // Two's complement: negate the 64-bit value.
    lo = (~lo + 1) >>> 0;
    hi = ~hi >>> 0;
    if (lo === 0) hi = (hi + 1) >>> 0;
    return -(lo + hi * TWO_32);
  }
  return lo + hi * TWO_32;
}

function skip(c: Cursor, wire: number, end: number): void {
  switch (wire) {
    case 0:
      readVarint64(c, false);
      return;
    case 1:
      c.pos += 8;
      break;
    case 2: {
      const len = readLength(c, end);
      c.pos += len;
      return;
    }
    case 5:
      c.pos += 4;
      break;
    default:
      throw new ProtoDecodeError(`unsupported wire type ${wire}`);
  }
  if (c.pos > end) throw new ProtoDecodeError("a field runs past the end of its message");
}
