// Malformed and hostile msgpack: only CodecErrors, with the attribute path, and no runaway allocation.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CodecError, isCodecError } from "./codec-error";
import { parseCtyType, type CtyType } from "../../values/cty-type";
import { decodeMsgpack } from "./decode-msgpack";
import { encodeMsgpack } from "./encode-msgpack";
import { Decimal, Dynamic, newObject } from "../../values/value";

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ""), "hex"));

function codecError(fn: () => unknown): CodecError {
  try {
    fn();
  } catch (e) {
    assert.ok(isCodecError(e), `expected a CodecError, got ${String(e)}`);
    return e;
  }
  assert.fail("expected a CodecError, nothing was thrown");
}

describe("msgpack decoding rejects malformed values", () => {
  const obj: CtyType = ["object", { a: ["list", "string"] }];

  it("names the path of a nested type mismatch", () => {
    const e = codecError(() => decodeMsgpack(hex("81 a1 61 92 a1 78 01"), obj));
    assert.deepStrictEqual(e.path, [{ attribute_name: "a" }, { element_key_int: 1 }]);
    assert.match(e.message, /^\.a\[1\]: expected string, found msgpack integer$/);
  });

  it("rejects an object with too few attributes", () => {
    const e = codecError(() => decodeMsgpack(hex("80"), obj));
    assert.match(e.message, /exactly 1 attributes/);
  });

  it("rejects an unknown attribute, even one named like an Object.prototype member", () => {
    assert.match(codecError(() => decodeMsgpack(hex("81 a1 62 c0"), obj)).message, /unsupported attribute "b"/);
    assert.match(codecError(() => decodeMsgpack(hex("81 a8" + Buffer.from("toString").toString("hex") + "c0"), obj)).message, /unsupported attribute "toString"/);
  });

  it("rejects duplicate map keys", () => {
    assert.match(codecError(() => decodeMsgpack(hex("82 a1 61 01 a1 61 02"), ["map", "number"])).message, /duplicate map key "a"/);
  });

  it("rejects trailing bytes", () => {
    assert.match(codecError(() => decodeMsgpack(hex("01 02"), "number")).message, /unexpected bytes/);
  });

  it("rejects truncated input and empty input", () => {
    codecError(() => decodeMsgpack(hex(""), "string"));
    codecError(() => decodeMsgpack(hex("a3 61"), "string"));
    codecError(() => decodeMsgpack(hex("cb 3f f8"), "number"));
  });

  it("rejects lying length headers without allocating", () => {
    for (const bytes of ["dd ff ff ff ff", "df ff ff ff ff", "db ff ff ff ff 61", "c9 ff ff ff ff 00", "c6 7f ff ff ff"]) {
      const type: CtyType = bytes.startsWith("df") ? ["map", "string"] : bytes.startsWith("dd") ? ["list", "string"] : "string";
      assert.match(codecError(() => decodeMsgpack(hex(bytes), type)).message, /remain|end of msgpack/);
    }
  });

  it("rejects a tuple of the wrong length", () => {
    codecError(() => decodeMsgpack(hex("91 01"), ["tuple", ["number", "number"]]));
  });

  it("rejects NaN and non-numeric strings for numbers", () => {
    assert.match(codecError(() => decodeMsgpack(hex("cb 7f f8 00 00 00 00 00 00"), "number")).message, /NaN/);
    assert.match(codecError(() => decodeMsgpack(hex("a3 61 62 63"), "number")).message, /not a number/);
    assert.match(codecError(() => decodeMsgpack(hex("a7 31 65 39 39 39 39 39"), "number")).message, /out of range/);
  });

  it("rejects invalid UTF-8", () => {
    assert.match(codecError(() => decodeMsgpack(hex("a1 ff"), "string")).message, /UTF-8/);
  });

  it("rejects a dynamic value with a bad type", () => {
    const badType = Buffer.from('["nope"]').toString("hex");
    assert.match(codecError(() => decodeMsgpack(hex("92 a8" + badType + "c0"), "dynamic")).message, /invalid dynamic value type/);
    codecError(() => decodeMsgpack(hex("91 c0"), "dynamic"));
  });

  it("stops at absurdly deep dynamic types with a CodecError", () => {
    const depth = 100_000;
    const typeJson = '["list",'.repeat(depth) + '"string"' + "]".repeat(depth);
    const t = Buffer.from(typeJson);
    const head = Buffer.from([0x92, 0xc6, 0, 0, 0, 0]);
    head.writeUInt32BE(t.length, 2);
    codecError(() => decodeMsgpack(Buffer.concat([head, t, Buffer.from([0xc0])]), "dynamic"));
  });

  it("stops at deep nesting within a legal dynamic type", () => {
    const depth = 300;
    const typeJson = '["list",'.repeat(depth) + '"string"' + "]".repeat(depth);
    const t = Buffer.from(typeJson);
    const bytes = Buffer.concat([Buffer.from([0x92, 0xc5, t.length >> 8, t.length & 0xff]), t, Buffer.alloc(depth, 0x91), Buffer.from([0xa0])]);
    assert.match(codecError(() => decodeMsgpack(bytes, "dynamic")).message, /nested too deeply/);
  });
});

describe("msgpack decoding of hostile keys", () => {
  it("keeps __proto__ as a plain key of a null-prototype map", () => {
    const key = Buffer.from("__proto__").toString("hex");
    const v = decodeMsgpack(hex(`81 a9 ${key} a1 78`), ["map", "string"]) as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(v), null);
    assert.ok(Object.hasOwn(v, "__proto__"));
    assert.equal(v["__proto__"], "x");
    assert.equal(({} as Record<string, unknown>).x, undefined);
  });

  it("decodes an object type with a __proto__ attribute from dynamic type JSON", () => {
    const type = parseCtyType(JSON.parse('["object",{"__proto__":"string"}]'));
    const value = newObject([["__proto__", "y"]]);
    const bytes = encodeMsgpack(value, type);
    assert.deepStrictEqual(decodeMsgpack(bytes, type), value);
    const dyn = new Dynamic(type, value);
    assert.deepStrictEqual(decodeMsgpack(encodeMsgpack(dyn, "dynamic"), "dynamic"), dyn);
  });
});

describe("msgpack fuzzing with a fixed seed", () => {
  const types: CtyType[] = [
    "string",
    "number",
    "bool",
    "dynamic",
    ["list", ["object", { a: "string", b: ["map", "number"] }]],
    ["tuple", ["string", ["set", "bool"]]],
  ];

  it("throws nothing but CodecError on random and mutated input", () => {
    let seed = 0x9e3779b9;
    const next = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) / 0x100000000;
    };
    const valid = encodeMsgpack([newObject([["a", "x"], ["b", newObject([["k", 1.5]])]])], types[4]);
    for (let i = 0; i < 5000; i++) {
      let bytes: Uint8Array;
      if (i % 2 === 0) {
        bytes = Uint8Array.from({ length: Math.floor(next() * 24) }, () => Math.floor(next() * 256));
      } else {
        bytes = valid.slice();
        for (let j = 0; j < 3; j++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
      }
      for (const type of types) {
        try {
          decodeMsgpack(bytes, type);
        } catch (e) {
          assert.ok(isCodecError(e), `non-CodecError for ${Buffer.from(bytes).toString("hex")}: ${String(e)}`);
        }
      }
    }
  });
});

describe("msgpack encoding rejects values that do not fit the type", () => {
  it("names the path", () => {
    const e = codecError(() => encodeMsgpack(newObject([["a", ["x", 1]]]), ["object", { a: ["list", "string"] }]));
    assert.deepStrictEqual(e.path, [{ attribute_name: "a" }, { element_key_int: 1 }]);
    assert.match(e.message, /expected string, got number/);
  });

  it("rejects attributes that are not in the type", () => {
    assert.match(codecError(() => encodeMsgpack(newObject([["z", 1]]), ["object", {}])).message, /"z" is not in the object type/);
  });

  it("writes a missing attribute as null", () => {
    assert.deepStrictEqual([...encodeMsgpack(newObject(), ["object", { a: "string" }])], [0x81, 0xa1, 0x61, 0xc0]);
  });

  it("needs a Dynamic wrapper for dynamic values", () => {
    codecError(() => encodeMsgpack("x", "dynamic"));
  });

  it("rejects NaN and malformed decimals", () => {
    codecError(() => encodeMsgpack(NaN, "number"));
    assert.match(codecError(() => encodeMsgpack(new Decimal("1.2.3"), "number")).message, /not a decimal number/);
    assert.match(codecError(() => encodeMsgpack(new Dynamic("string", "x"), "number")).message, /expected number, got dynamic value/);
  });
});
