import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CtyType } from "../../values/cty-type";
import { decodeMsgpack } from "./decode-msgpack";
import { decodeDynamicValue, encodeDynamicValue } from "./dynamic-value";
import { encodeMsgpack } from "./encode-msgpack";
import { Decimal, Dynamic, newObject, unknown, type TfValue } from "../../values/value";

const userType: CtyType = [
  "object",
  {
    user_id: "string",
    max_budget: "number",
    models: ["list", "string"],
    teams: ["set", "string"],
    metadata: ["map", "string"],
    limits: ["object", { rpm: "number", tpm: "number" }],
    pair: ["tuple", ["string", "bool"]],
    anything: "dynamic",
  },
];

describe("round trips", () => {
  const values: [string, TfValue][] = [
    [
      "a full object",
      newObject([
        ["user_id", "u-1"],
        ["max_budget", new Decimal("1000000000000000000000.01")],
        ["models", ["gpt-4o", "claude"]],
        ["teams", []],
        ["metadata", newObject([["a", "1"], ["__proto__", "x"], ["", "empty key"]])],
        ["limits", newObject([["rpm", 2n ** 63n], ["tpm", -0.5]])],
        ["pair", ["p", false]],
        ["anything", new Dynamic(["map", ["list", "number"]], newObject([["k", [1, 2.25, 2n ** 70n]]]))],
      ]),
    ],
    [
      "partly unknown",
      newObject([
        ["user_id", unknown],
        ["max_budget", null],
        ["models", [unknown, "x"]],
        ["teams", unknown],
        ["metadata", null],
        ["limits", newObject([["rpm", unknown], ["tpm", null]])],
        ["pair", unknown],
        ["anything", unknown],
      ]),
    ],
    ["null", null],
    ["unknown", unknown],
  ];
  for (const [name, value] of values) {
    it(`${name} survives encode and decode`, () => {
      assert.deepStrictEqual(decodeMsgpack(encodeMsgpack(value, userType), userType), value);
      assert.deepStrictEqual(decodeDynamicValue(encodeDynamicValue(value, userType), userType), value);
    });
  }

  it("long strings and large collections use wide headers", () => {
    const long = "é".repeat(40_000);
    const list = Array.from({ length: 70_000 }, (_, i) => i);
    assert.equal(decodeMsgpack(encodeMsgpack(long, "string"), "string"), long);
    assert.deepStrictEqual(decodeMsgpack(encodeMsgpack(list, ["list", "number"]), ["list", "number"]), list);
  });
});

describe("decodeDynamicValue", () => {
  it("prefers msgpack, falls back to JSON, and reads an empty value as null", () => {
    const msgpack = encodeMsgpack("from msgpack", "string");
    const json = Buffer.from('"from json"');
    assert.equal(decodeDynamicValue({ msgpack, json }, "string"), "from msgpack");
    assert.equal(decodeDynamicValue({ msgpack: new Uint8Array(), json }, "string"), "from json");
    assert.equal(decodeDynamicValue({}, "string"), null);
    assert.equal(decodeDynamicValue(undefined, "string"), null);
  });
});
