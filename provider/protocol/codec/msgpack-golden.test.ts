// Golden vectors: bytes computed by hand from the msgpack spec and cty's encoding rules.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { CtyType } from "../../values/cty-type";
import { decodeMsgpack } from "./decode-msgpack";
import { encodeMsgpack } from "./encode-msgpack";
import { Decimal, Dynamic, newObject, unknown, type TfValue } from "../../values/value";

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ""), "hex"));
const toHex = (b: Uint8Array) => Buffer.from(b).toString("hex").replace(/(..)(?!$)/g, "$1 ");
const ascii = (s: string) => Buffer.from(s, "latin1").toString("hex");

interface Vector {
  name: string;
  type: CtyType;
  value: TfValue;
  bytes: string;
}

const objType: CtyType = ["object", { a: "string", b: ["list", "number"] }];
const vectors: Vector[] = [
  { name: "null string", type: "string", value: null, bytes: "c0" },
  { name: "unknown", type: "string", value: unknown, bytes: "d4 00 00" },
  { name: "unknown object", type: objType, value: unknown, bytes: "d4 00 00" },
  { name: "empty string", type: "string", value: "", bytes: "a0" },
  { name: "string", type: "string", value: "hi", bytes: "a2 68 69" },
  { name: "utf-8 string", type: "string", value: "é", bytes: "a2 c3 a9" },
  { name: "32-byte string uses str8", type: "string", value: "x".repeat(32), bytes: "d9 20" + ascii("x".repeat(32)) },
  { name: "true", type: "bool", value: true, bytes: "c3" },
  { name: "false", type: "bool", value: false, bytes: "c2" },
  { name: "zero", type: "number", value: 0, bytes: "00" },
  { name: "fixint max", type: "number", value: 127, bytes: "7f" },
  { name: "uint8", type: "number", value: 128, bytes: "cc 80" },
  { name: "uint16", type: "number", value: 256, bytes: "cd 01 00" },
  { name: "uint32", type: "number", value: 65536, bytes: "ce 00 01 00 00" },
  { name: "negative fixint", type: "number", value: -1, bytes: "ff" },
  { name: "negative fixint min", type: "number", value: -32, bytes: "e0" },
  { name: "int8", type: "number", value: -33, bytes: "d0 df" },
  { name: "int16", type: "number", value: -129, bytes: "d1 ff 7f" },
  { name: "int32", type: "number", value: -32769, bytes: "d2 ff ff 7f ff" },
  { name: "2^53 as uint64", type: "number", value: 2n ** 53n + 1n, bytes: "cf 00 20 00 00 00 00 00 01" },
  { name: "max uint64", type: "number", value: 2n ** 64n - 1n, bytes: "cf ff ff ff ff ff ff ff ff" },
  { name: "min int64", type: "number", value: -(2n ** 63n), bytes: "d3 80 00 00 00 00 00 00 00" },
  { name: "beyond 64 bits is a decimal string", type: "number", value: 2n ** 64n, bytes: "b4" + ascii("18446744073709551616") },
  { name: "float64 1.5", type: "number", value: 1.5, bytes: "cb 3f f8 00 00 00 00 00 00" },
  { name: "float64 0.1", type: "number", value: 0.1, bytes: "cb 3f b9 99 99 99 99 99 9a" },
  { name: "decimal string", type: "number", value: new Decimal("0.10000000000000000001"), bytes: "b6" + ascii("0.10000000000000000001") },
  { name: "list of strings with null", type: ["list", "string"], value: ["a", null], bytes: "92 a1 61 c0" },
  { name: "empty list", type: ["list", "string"], value: [], bytes: "90" },
  { name: "set of numbers", type: ["set", "number"], value: [1, 2], bytes: "92 01 02" },
  { name: "tuple", type: ["tuple", ["string", "number"]], value: ["a", 1], bytes: "92 a1 61 01" },
  { name: "map", type: ["map", "bool"], value: newObject([["x", true]]), bytes: "81 a1 78 c3" },
  { name: "object", type: objType, value: newObject([["a", "hi"], ["b", [1]]]), bytes: "82 a1 61 a2 68 69 a1 62 91 01" },
  { name: "object with null and unknown", type: objType, value: newObject([["a", null], ["b", unknown]]), bytes: "82 a1 61 c0 a1 62 d4 00 00" },
  {
    name: "nested list of objects",
    type: ["list", ["object", { id: "number", tags: ["map", "string"] }]],
    value: [newObject([["id", 7], ["tags", newObject([["k", "v"]])]])],
    bytes: "91 82 a2 69 64 07 a4 74 61 67 73 81 a1 6b a1 76",
  },
  { name: "dynamic string", type: "dynamic", value: new Dynamic("string", "hi"), bytes: "92 c4 08" + ascii('"string"') + "a2 68 69" },
  {
    name: "dynamic list",
    type: "dynamic",
    value: new Dynamic(["list", "bool"], [true]),
    bytes: "92 c4 0f" + ascii('["list","bool"]') + "91 c3",
  },
  { name: "null dynamic", type: "dynamic", value: null, bytes: "c0" },
  { name: "wholly unknown dynamic", type: "dynamic", value: unknown, bytes: "d4 00 00" },
];

describe("msgpack golden vectors", () => {
  for (const v of vectors) {
    it(`encodes ${v.name}`, () => {
      assert.equal(toHex(encodeMsgpack(v.value, v.type)), toHex(hex(v.bytes)));
    });
    it(`decodes ${v.name}`, () => {
      assert.deepStrictEqual(decodeMsgpack(hex(v.bytes), v.type), v.value);
    });
  }
});

describe("msgpack decoding of other encodings Terraform may send", () => {
  const cases: [string, CtyType, string, TfValue][] = [
    ["refined unknown (ext 12 with a map payload)", "string", "c7 07 0c 82 01 c2 02 a2 61 62", unknown],
    ["refined unknown as fixext", ["list", "string"], "d5 0c 81 05", unknown],
    ["unknown with another ext type", "number", "d6 05 00 00 00 00", unknown],
    ["ext32 unknown", "bool", "c9 00 00 00 01 0c 80", unknown],
    ["float32", "number", "ca 3f c0 00 00", 1.5],
    ["uint64 within 2^53", "number", "cf 00 00 00 00 00 00 00 2a", 42],
    ["int64 beyond 2^53", "number", "d3 ff df ff ff ff ff ff ff", -(2n ** 53n) - 1n],
    ["number as string", "number", "a3 31 2e 35", 1.5],
    ["long decimal as string", "number", "b6" + ascii("0.10000000000000000001"), new Decimal("0.10000000000000000001")],
    ["big integer as string", "number", "b4" + ascii("18446744073709551616"), 2n ** 64n],
    ["string as bin", "string", "c4 02 68 69", "hi"],
    ["dynamic with str type", "dynamic", "92 a8" + ascii('"number"') + "05", new Dynamic("number", 5)],
    ["map16 header", ["map", "number"], "de 00 01 a1 61 01", newObject([["a", 1]])],
    ["array32 header", ["list", "number"], "dd 00 00 00 01 01", [1]],
  ];
  for (const [name, type, bytes, want] of cases) {
    it(name, () => assert.deepStrictEqual(decodeMsgpack(hex(bytes), type), want));
  }
});
