// The embedded segments survive the trip through the comment, whatever comment-closing text they hold.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import vm from "node:vm";
import { decodeSegment, encodePayload, PAYLOAD_MARKER, SEGMENT_START } from "./payload";

const wrap = (body: string) => `${SEGMENT_START}${body}\n})`;

describe("payload", () => {
  it("round-trips segments with comment terminators, and the file stays valid JavaScript", () => {
    const core = wrap('const re = /a*/g; const s = "*/"; module.exports = `x*/y`.length + (2*/3/.source.length);');
    const lib = wrap("module.exports = '*/*/';");
    const launcher = "module.exports = 1;\n";
    const { text, index } = encodePayload([{ name: "core", source: core }, { name: "lib", source: lib }]);
    const file = launcher + text;
    const slice = ([start, end]: [number, number]) => file.slice(launcher.length + start, launcher.length + end);
    assert.equal(decodeSegment(slice(index.core!)), core);
    assert.equal(decodeSegment(slice(index.lib!)), lib);
    assert.equal(new vm.Script(decodeSegment(slice(index.core!))).runInThisContext().length, 5, "a segment is a five-argument function");
    assert.doesNotThrow(() => new vm.Script(file), "the payload must not end its comment early");
    assert.equal(file.indexOf(PAYLOAD_MARKER), launcher.length);
  });

  it("refuses a damaged segment, and code that is not a wrapped segment or holds the escape character", () => {
    const { text, index } = encodePayload([{ name: "core", source: wrap("1") }]);
    assert.throws(() => decodeSegment(text.slice(index.core![0] + 1, index.core![1])), /damaged/);
    assert.throws(() => encodePayload([{ name: "core", source: "1" }]), /must start with/);
    assert.throws(() => encodePayload([{ name: "core", source: wrap("a\x01b") }]), /x01/);
  });
});
