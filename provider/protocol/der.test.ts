import assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as der from "./der";

const hex = (b: Buffer) => b.toString("hex");

describe("DER encoding", () => {
  it("encodes object identifiers in base 128", () => {
    assert.equal(hex(der.objectIdentifier("1.2.840.10045.4.3.2")), "06082a8648ce3d040302");
    assert.equal(hex(der.objectIdentifier("2.5.29.17")), "0603551d11");
  });

  it("uses the long length form from 128 bytes", () => {
    assert.equal(hex(der.octetString(Buffer.alloc(127))).slice(0, 4), "047f");
    assert.equal(hex(der.octetString(Buffer.alloc(128))).slice(0, 6), "048180");
    assert.equal(hex(der.octetString(Buffer.alloc(300))).slice(0, 8), "0482012c");
  });

  it("writes minimal positive integers", () => {
    assert.equal(hex(der.smallInteger(2)), "020102");
    assert.equal(hex(der.smallInteger(0)), "020100");
    assert.equal(hex(der.unsignedInteger(Buffer.from([0x00, 0x00, 0x80]))), "02020080");
  });

  it("writes UTCTime before 2050 and GeneralizedTime after", () => {
    assert.equal(der.time(new Date("2026-01-02T03:04:05.678Z")).toString("latin1").slice(2), "260102030405Z");
    assert.equal(hex(der.time(new Date("2026-01-02T03:04:05Z"))).slice(0, 4), "170d");
    assert.equal(der.time(new Date("2051-01-02T03:04:05Z")).toString("latin1").slice(2), "20510102030405Z");
  });

  it("writes booleans and bit strings", () => {
    assert.equal(hex(der.boolean(true)), "0101ff");
    assert.equal(hex(der.bitString(Buffer.from([0xac]), 2)), "030202ac");
  });
});
