// An append-only msgpack byte buffer with the handful of token writers the cty encoding needs.

import { utf8Length, writeUtf8 } from "./utf8";

const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;

export class MsgpackWriter {
  private buf = new Uint8Array(512);
  private view = new DataView(this.buf.buffer);
  private pos = 0;

  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }

  nil(): void {
    this.byte(0xc0);
  }

  /** Terraform's plain unknown value: fixext1, ext type 0, one zero byte. */
  unknown(): void {
    this.ensure(3);
    this.buf[this.pos++] = 0xd4;
    this.buf[this.pos++] = 0;
    this.buf[this.pos++] = 0;
  }

  bool(v: boolean): void {
    this.byte(v ? 0xc3 : 0xc2);
  }

  string(s: string): void {
    this.strHeader(0xa0, 0xd9, utf8Length(s));
    this.pos += writeUtf8(s, this.buf, this.pos);
  }

  binary(bytes: Uint8Array): void {
    const n = bytes.length;
    if (n < 0x100) this.head8(0xc4, n);
    else if (n < 0x10000) this.head16(0xc5, n);
    else this.head32(0xc6, n);
    this.ensure(n);
    this.buf.set(bytes, this.pos);
    this.pos += n;
  }

  /** Writes an integer in the shortest msgpack form. */
  integer(n: number | bigint): void {
    if (typeof n === "number" && Number.isSafeInteger(n)) return this.smallInteger(n);
    const big = BigInt(n);
    if (big < INT64_MIN || big > UINT64_MAX) throw new RangeError("integer does not fit in 64 bits");
    this.ensure(9);
    if (big >= 0n) {
      this.buf[this.pos++] = 0xcf;
      this.view.setBigUint64(this.pos, big);
    } else {
      this.buf[this.pos++] = 0xd3;
      this.view.setBigInt64(this.pos, big);
    }
    this.pos += 8;
  }

  float64(n: number): void {
    this.ensure(9);
    this.buf[this.pos++] = 0xcb;
    this.view.setFloat64(this.pos, n);
    this.pos += 8;
  }

  arrayHeader(n: number): void {
    if (n < 16) this.byte(0x90 | n);
    else if (n < 0x10000) this.head16(0xdc, n);
    else this.head32(0xdd, n);
  }

  mapHeader(n: number): void {
    if (n < 16) this.byte(0x80 | n);
    else if (n < 0x10000) this.head16(0xde, n);
    else this.head32(0xdf, n);
  }

  private smallInteger(n: number): void {
    if (n >= 0) {
      if (n < 0x80) this.byte(n);
      else if (n < 0x100) this.head8(0xcc, n);
      else if (n < 0x10000) this.head16(0xcd, n);
      else if (n < 0x100000000) this.head32(0xce, n);
      else this.integer(BigInt(n));
    } else {
      if (n >= -32) this.byte(n & 0xff);
      else if (n >= -0x80) this.head8(0xd0, n & 0xff);
      else if (n >= -0x8000) this.head16(0xd1, n & 0xffff);
      else if (n >= -0x80000000) this.head32(0xd2, n >>> 0);
      else this.integer(BigInt(n));
    }
  }

  private strHeader(fix: number, str8: number, n: number): void {
    if (n < 32) this.byte(fix | n);
    else if (n < 0x100) this.head8(str8, n);
    else if (n < 0x10000) this.head16(str8 + 1, n);
    else this.head32(str8 + 2, n);
    this.ensure(n);
  }

  private byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  private head8(tag: number, n: number): void {
    this.ensure(2);
    this.buf[this.pos++] = tag;
    this.buf[this.pos++] = n;
  }

  private head16(tag: number, n: number): void {
    this.ensure(3);
    this.buf[this.pos++] = tag;
    this.view.setUint16(this.pos, n);
    this.pos += 2;
  }

  private head32(tag: number, n: number): void {
    this.ensure(5);
    this.buf[this.pos++] = tag;
    this.view.setUint32(this.pos, n);
    this.pos += 4;
  }

  private ensure(extra: number): void {
    const need = this.pos + extra;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
}
