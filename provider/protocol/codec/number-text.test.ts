import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseNumberText } from "./number-text";
import { Decimal } from "../../values/value";

describe("parseNumberText", () => {
  const cases: [string, unknown][] = [
    ["0", 0],
    ["-0", 0],
    ["+7", 7],
    ["1.5", 1.5],
    ["0.1", 0.1],
    [".5", 0.5],
    ["-.25", -0.25],
    ["1e3", 1000],
    ["1.50", 1.5],
    ["9007199254740991", 9007199254740991],
    ["9007199254740993", 9007199254740993n],
    ["-18446744073709551616", -18446744073709551616n],
    ["1e25", 10n ** 25n],
    ["0.10000000000000000001", new Decimal("0.10000000000000000001")],
    ["12345678901234567890.5", new Decimal("12345678901234567890.5")],
    ["Inf", Infinity],
    ["-inf", -Infinity],
  ];
  for (const [text, want] of cases) {
    it(`reads ${text}`, () => assert.deepStrictEqual(parseNumberText(text), want));
  }

  it("rejects text that is not a number, and huge exponents", () => {
    for (const text of ["", "abc", "1.2.3", "0x10", " 1", "NaN", "1e100000"]) {
      assert.throws(() => parseNumberText(text), { name: "CodecError" }, text);
    }
  });
});
