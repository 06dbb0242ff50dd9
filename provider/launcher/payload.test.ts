// The embedded bundle survives the trip through the comment, whatever comment-closing text it holds.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import vm from "node:vm";
import { decodePayload, encodePayload, PAYLOAD_MARKER } from "./payload";

describe("payload", () => {
  it("round-trips a bundle with comment terminators, and the file stays valid JavaScript", () => {
    const bundle = 'const re = /a*/g; const s = "*/"; module.exports = `x*/y`.length + (2*/3/.source.length);';
    const launcher = "module.exports = 1;\n";
    const file = launcher + encodePayload(bundle);
    assert.equal(decodePayload(file, launcher.length), bundle);
    assert.doesNotThrow(() => new vm.Script(file), "the payload must not end its comment early");
    assert.equal(file.indexOf(PAYLOAD_MARKER), launcher.length);
  });

  it("refuses a damaged file and a bundle holding the escape character", () => {
    const file = "x\n" + encodePayload("1");
    assert.throws(() => decodePayload(file, 0), /damaged/);
    assert.throws(() => decodePayload(file.slice(0, -2), 2), /damaged/);
    assert.throws(() => encodePayload("a\x01b"), /x01/);
  });
});
