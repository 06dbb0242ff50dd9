import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isCodecError } from "./codec-error";
import type { CtyType } from "../../values/cty-type";
import { decodeJsonValue } from "./decode-json";
import { Decimal, Dynamic, newObject } from "../../values/value";

const stateType: CtyType = [
  "object",
  {
    id: "string",
    budget: "number",
    big: "number",
    precise: "number",
    enabled: "bool",
    models: ["list", "string"],
    tags: ["set", "string"],
    metadata: ["map", "string"],
    extra: "dynamic",
    added_later: "string",
  },
];

describe("decodeJsonValue", () => {
  it("decodes state JSON losslessly, with missing attributes as null", () => {
    const json = `{
      "id": "u1", "budget": 0.1, "big": 12345678901234567890, "precise": 1.00000000000000000001,
      "enabled": true, "models": ["a", "b"], "tags": [], "metadata": {"k": "v", "__proto__": "p"},
      "extra": {"value": [1, "x"], "type": ["tuple", ["number", "string"]]}
    }`;
    const got = decodeJsonValue(Buffer.from(json), stateType);
    assert.deepStrictEqual(
      got,
      newObject([
        ["id", "u1"],
        ["budget", 0.1],
        ["big", 12345678901234567890n],
        ["precise", new Decimal("1.00000000000000000001")],
        ["enabled", true],
        ["models", ["a", "b"]],
        ["tags", []],
        ["metadata", newObject([["k", "v"], ["__proto__", "p"]])],
        ["extra", new Dynamic(["tuple", ["number", "string"]], [1, "x"])],
        ["added_later", null],
      ]),
    );
  });

  it("accepts the primitive conversions cty's JSON decoder accepts", () => {
    assert.equal(decodeJsonValue('"12"', "number"), 12);
    assert.equal(decodeJsonValue("12", "string"), "12");
    assert.equal(decodeJsonValue('"true"', "bool"), true);
    assert.equal(decodeJsonValue("null", ["list", "string"]), null);
    assert.equal(decodeJsonValue('"a\\u00e9\\n"', "string"), "aé\n");
  });

  it("rejects extra attributes with the path", () => {
    try {
      decodeJsonValue('{"a": {"x": 1, "y": 2}}', ["object", { a: ["object", { x: "number" }] }]);
      assert.fail("expected an error");
    } catch (e) {
      assert.ok(isCodecError(e));
      assert.deepStrictEqual(e.path, [{ attribute_name: "a" }]);
      assert.match(e.message, /unsupported attribute "y"/);
    }
  });

  it("throws only CodecError on malformed JSON", () => {
    const bad = ["", "{", '{"a":}', "[1,]", "tru", '"\u0001"', "1 2", '{"a" 1}', "01", "[".repeat(100000), '"\\x"'];
    for (const text of bad) {
      assert.throws(() => decodeJsonValue(text, ["list", "number"]), (e: unknown) => isCodecError(e), text.slice(0, 20));
    }
    assert.throws(() => decodeJsonValue(Uint8Array.from([0x22, 0xff, 0x22]), "string"), (e: unknown) => isCodecError(e));
    assert.throws(() => decodeJsonValue('{"value":1}', "dynamic"), /"value" and "type"/);
  });
});
