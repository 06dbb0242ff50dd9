// The embedded segments survive the trip through the comment, whatever comment-closing text they hold.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import vm from "node:vm";
import { decodeSegment, encodePayload, PAYLOAD_MARKER } from "./payload";

describe("payload", () => {
  it("round-trips segments with comment terminators, and the file stays valid JavaScript", () => {
    const core = 'const re = /a*/g; const s = "*/"; module.exports = `x*/y`.length + (2*/3/.source.length);';
    const lib = "module.exports = '*/*/';";
    const launcher = "module.exports = 1;\n";
    const { text, index } = encodePayload([{ name: "core", source: core }, { name: "lib", source: lib }]);
    const file = launcher + text;
    assert.equal(decodeSegment(file, launcher.length, index.core!), core);
    assert.equal(decodeSegment(file, launcher.length, index.lib!), lib);
    assert.doesNotThrow(() => new vm.Script(file), "the payload must not end its comment early");
    assert.equal(file.indexOf(PAYLOAD_MARKER), launcher.length);
  });

  it("refuses a damaged file and code holding the escape character", () => {
    const { text, index } = encodePayload([{ name: "core", source: "1" }]);
    const file = "x\n" + text;
    assert.throws(() => decodeSegment(file, 0, index.core!), /damaged/);
    assert.throws(() => decodeSegment(file.slice(0, -2), 2, index.core!), /damaged/);
    assert.throws(() => encodePayload([{ name: "core", source: "a\x01b" }]), /x01/);
  });
});
