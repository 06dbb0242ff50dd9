// A cursor over msgpack bytes that reads one token at a time.
// Every length header is checked against the bytes that remain before anything is allocated,
// so lying headers fail fast instead of allocating or looping.

import { CodecError } from "./codec-error";
import { decodeUtf8 } from "./utf8";

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;

/** A raw msgpack number: JS number when exact, bigint for wide integers, or decimal text from a string. */
export type RawNumber = number | bigint | { text: string };

export class MsgpackReader {
  private pos = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  peek(): number {
    if (this.pos >= this.bytes.length) throw new CodecError("unexpected end of msgpack data");
    return this.bytes[this.pos];
  }

  /** Consumes a nil and returns true, or leaves anything else in place. */
  tryNil(): boolean {
    if (this.peek() !== 0xc0) return false;
    this.pos++;
    return true;
  }

  /** Consumes any extension value (Terraform's unknowns, refined or not) and returns true. */
  tryExt(): boolean {
    const b = this.peek();
    let size: number;
    if (b >= 0xd4 && b <= 0xd8) {
      this.pos++;
      size = 1 << (b - 0xd4);
    } else if (b === 0xc7 || b === 0xc8 || b === 0xc9) {
      this.pos++;
      size = this.uint(b === 0xc7 ? 1 : b === 0xc8 ? 2 : 4);
    } else {
      return false;
    }
    this.take(1 + size); // ext type byte + payload; the payload (refinements) is not kept
    return true;
  }

  readBool(): boolean {
    const b = this.peek();
    if (b === 0xc2 || b === 0xc3) {
      this.pos++;
      return b === 0xc3;
    }
    throw this.mismatch("bool");
  }

  /** Reads a str (or bin, which cty also accepts) as UTF-8 text. */
  readString(): string {
    const size = this.stringSize("string");
    const at = this.advance(size);
    try {
      return decodeUtf8(this.bytes, at, at + size);
    } catch {
      throw new CodecError("string is not valid UTF-8");
    }
  }

  /** Reads the bytes of a str or bin token. */
  readStringBytes(expected: string): Uint8Array {
    return this.take(this.stringSize(expected));
  }

  /** Consumes a str or bin header and returns the length of its data. */
  private stringSize(expected: string): number {
    const b = this.peek();
    let size: number;
    if (b >= 0xa0 && b <= 0xbf) {
      this.pos++;
      size = b & 0x1f;
    } else if (b === 0xd9 || b === 0xc4) {
      this.pos++;
      size = this.uint(1);
    } else if (b === 0xda || b === 0xc5) {
      this.pos++;
      size = this.uint(2);
    } else if (b === 0xdb || b === 0xc6) {
      this.pos++;
      size = this.uint(4);
    } else {
      throw this.mismatch(expected);
    }
    return size;
  }

  /** Reads any msgpack int, float or numeric string. */
  readNumber(): RawNumber {
    const b = this.peek();
    if (b <= 0x7f) return this.bytes[this.pos++];
    if (b >= 0xe0) return this.bytes[this.pos++] - 0x100;
    switch (b) {
      case 0xcc: this.pos++; return this.uint(1);
      case 0xcd: this.pos++; return this.uint(2);
      case 0xce: this.pos++; return this.uint(4);
      case 0xcf: this.pos++; return narrow(this.view.getBigUint64(this.advance(8)));
      case 0xd0: this.pos++; return this.view.getInt8(this.advance(1));
      case 0xd1: this.pos++; return this.view.getInt16(this.advance(2));
      case 0xd2: this.pos++; return this.view.getInt32(this.advance(4));
      case 0xd3: this.pos++; return narrow(this.view.getBigInt64(this.advance(8)));
      case 0xca: this.pos++; return this.finite(this.view.getFloat32(this.advance(4)));
      case 0xcb: this.pos++; return this.finite(this.view.getFloat64(this.advance(8)));
    }
    if ((b >= 0xa0 && b <= 0xbf) || b === 0xd9 || b === 0xda || b === 0xdb) return { text: this.readString() };
    throw this.mismatch("number");
  }

  readArrayHeader(): number {
    const b = this.peek();
    let n: number;
    if (b >= 0x90 && b <= 0x9f) {
      this.pos++;
      n = b & 0x0f;
    } else if (b === 0xdc || b === 0xdd) {
      this.pos++;
      n = this.uint(b === 0xdc ? 2 : 4);
    } else {
      throw this.mismatch("array");
    }
    if (n > this.remaining) throw new CodecError(`array claims ${n} elements but only ${this.remaining} bytes remain`);
    return n;
  }

  readMapHeader(): number {
    const b = this.peek();
    let n: number;
    if (b >= 0x80 && b <= 0x8f) {
      this.pos++;
      n = b & 0x0f;
    } else if (b === 0xde || b === 0xdf) {
      this.pos++;
      n = this.uint(b === 0xde ? 2 : 4);
    } else {
      throw this.mismatch("map");
    }
    if (n * 2 > this.remaining) throw new CodecError(`map claims ${n} entries but only ${this.remaining} bytes remain`);
    return n;
  }

  private finite(n: number): number {
    if (Number.isNaN(n)) throw new CodecError("NaN is not a valid number");
    return n;
  }

  private uint(size: 1 | 2 | 4): number {
    const at = this.advance(size);
    return size === 1 ? this.view.getUint8(at) : size === 2 ? this.view.getUint16(at) : this.view.getUint32(at);
  }

  /** Moves past size bytes and returns where they start. */
  private advance(size: number): number {
    if (size > this.remaining) throw new CodecError("unexpected end of msgpack data");
    const at = this.pos;
    this.pos += size;
    return at;
  }

  private take(size: number): Uint8Array {
    const at = this.advance(size);
    return this.bytes.subarray(at, at + size);
  }

  private mismatch(expected: string): CodecError {
    return new CodecError(`expected ${expected}, found msgpack ${describeToken(this.peek())}`);
  }
}

function narrow(n: bigint): number | bigint {
  return n >= MIN_SAFE && n <= MAX_SAFE ? Number(n) : n;
}

/** A human name for the token that starts with this byte, for error messages. */
export function describeToken(b: number): string {
  if (b <= 0x7f || b >= 0xe0 || (b >= 0xcc && b <= 0xd3)) return "integer";
  if (b <= 0x8f) return "map";
  if (b <= 0x9f) return "array";
  if (b <= 0xbf) return "string";
  switch (b) {
    case 0xc0: return "nil";
    case 0xc1: return "reserved byte 0xc1";
    case 0xc2:
    case 0xc3: return "bool";
    case 0xc4:
    case 0xc5:
    case 0xc6: return "binary";
    case 0xca:
    case 0xcb: return "float";
    case 0xd9:
    case 0xda:
    case 0xdb: return "string";
    case 0xdc:
    case 0xdd: return "array";
    case 0xde:
    case 0xdf: return "map";
    default: return "extension (unknown value)";
  }
}
