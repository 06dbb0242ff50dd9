// The hand-rolled UTF-8 fast paths agree with Node's own codecs, and stay strict on invalid input.
import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeUtf8, utf8Length, writeUtf8 } from "./utf8";

const samples = ["", "a", "alice@example.com", "héllo", "✓ ok", "😀", "x".repeat(64), "y".repeat(65) + "é", "lone \ud800 surrogate"];

test("decodeUtf8, utf8Length and writeUtf8 match Buffer for ASCII, multi-byte, long and odd strings", () => {
  for (const s of samples) {
    const bytes = Buffer.from(s, "utf8");
    assert.equal(utf8Length(s), bytes.length, JSON.stringify(s));
    const into = new Uint8Array(bytes.length + 4);
    assert.equal(writeUtf8(s, into, 2), bytes.length);
    assert.deepStrictEqual(Buffer.from(into.subarray(2, 2 + bytes.length)), bytes);
    const padded = Buffer.concat([Buffer.from([0xff]), bytes, Buffer.from([0xff])]);
    assert.equal(decodeUtf8(padded, 1, 1 + bytes.length), bytes.toString("utf8"));
  }
});

test("decodeUtf8 refuses invalid UTF-8, short or long", () => {
  assert.throws(() => decodeUtf8(Buffer.from([0x61, 0xc3]), 0, 2), TypeError);
  assert.throws(() => decodeUtf8(Buffer.concat([Buffer.alloc(100, 0x61), Buffer.from([0xff])]), 0, 101), TypeError);
});
