// Our table-driven protobuf codec against protobufjs (the reference): bytes either one writes, the
// other reads to the same plain object, across every wire kind and the tfplugin6 messages we serve.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import protobuf from "protobufjs";
import { descriptors } from "./gen/descriptors";
import { decodeMessage, ProtoDecodeError } from "./proto-decode";
import { encodeMessage } from "./proto-encode";
import { createProtoTables, messageInfo, type JsonNamespace } from "./proto-types";

const toObjectOptions = { longs: Number, enums: Number, bytes: Buffer, defaults: true, arrays: true, objects: true } as const;

/** What protobufjs decodes, in our plain shape (unset messages absent rather than null). */
function reference(type: protobuf.Type, bytes: Uint8Array): unknown {
  return dropNulls(type.toObject(type.decode(bytes), toObjectOptions as protobuf.IConversionOptions));
}

function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value === null || typeof value !== "object" || value instanceof Uint8Array) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, dropNulls(v)]));
}

/** Buffers compared by content, whatever their class. */
function normalize(value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString("hex") };
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  return value;
}

const kitchenSink: JsonNamespace = {
  nested: {
    t: {
      nested: {
        Inner: { fields: { s: { type: "string", id: 1 }, again: { type: "Inner", id: 2 } } },
        Color: { values: { RED: 0, GREEN: 1, NEGATIVE: -2 } },
        All: {
          oneofs: { choice: { oneof: ["c_str", "c_int", "c_inner"] } },
          fields: {
            i32: { type: "int32", id: 1 }, i64: { type: "int64", id: 2 }, u32: { type: "uint32", id: 3 }, u64: { type: "uint64", id: 4 },
            s32: { type: "sint32", id: 5 }, s64: { type: "sint64", id: 6 }, b: { type: "bool", id: 7 }, e: { type: "Color", id: 8 },
            d: { type: "double", id: 9 }, f: { type: "float", id: 10 }, fx32: { type: "fixed32", id: 11 }, fx64: { type: "fixed64", id: 12 },
            sf32: { type: "sfixed32", id: 13 }, sf64: { type: "sfixed64", id: 14 }, str: { type: "string", id: 15 }, by: { type: "bytes", id: 16 },
            inner: { type: "Inner", id: 17 }, many: { rule: "repeated", type: "Inner", id: 18 }, nums: { rule: "repeated", type: "int64", id: 19 },
            names: { rule: "repeated", type: "string", id: 20 }, smap: { keyType: "string", type: "string", id: 21 },
            imap: { keyType: "int32", type: "Inner", id: 22 }, c_str: { type: "string", id: 23 }, c_int: { type: "int64", id: 24 },
            c_inner: { type: "Inner", id: 25 }, big: { type: "uint32", id: 300000 },
          },
        },
      },
    },
  },
};

const sinkTables = createProtoTables(kitchenSink);
const sinkRoot = protobuf.Root.fromJSON(kitchenSink as protobuf.INamespace);
const tfRoot = protobuf.Root.fromJSON(descriptors as protobuf.INamespace);

function roundTrips(tables: { messageInfo: typeof messageInfo }, root: protobuf.Root, typeName: string, value: Record<string, unknown>): void {
  const info = tables.messageInfo(typeName);
  const type = root.lookupType(typeName);
  const ours = encodeMessage(info, value);
  const theirs = Buffer.from(type.encode(type.fromObject(value)).finish());
  // Field order and default-skipping are the same, so the bytes are too.
  assert.equal(ours.toString("hex"), theirs.toString("hex"), `${typeName}: bytes differ`);
  assert.deepStrictEqual(normalize(decodeMessage(info, theirs)), normalize(reference(type, theirs)), `${typeName}: decoded shape differs`);
}

describe("protobuf codec", () => {
  it("matches protobufjs on every scalar kind, limits and signs included", () => {
    for (const value of [
      {},
      { i32: -1, i64: -1, u32: 4294967295, u64: 2 ** 53 - 1, s32: -5, s64: -(2 ** 40), b: true, e: 1, d: 1.5, f: 0.25 },
      { i32: 2147483647, i64: 2 ** 53 - 1, s32: 2147483647, s64: 2 ** 52, fx32: 7, fx64: 2 ** 40 + 3, sf32: -9, sf64: -(2 ** 33) },
      { i64: -(2 ** 53 - 1), e: -2, str: "héllo ✓ 😀", by: Buffer.from([0, 1, 255]), big: 300 },
    ]) {
      roundTrips(sinkTables, sinkRoot, "t.All", value);
    }
  });

  it("matches protobufjs on messages, recursion, repeated, packed, maps and oneofs", () => {
    roundTrips(sinkTables, sinkRoot, "t.All", {
      inner: { s: "a", again: { s: "b", again: {} } },
      many: [{ s: "x" }, {}, { again: { s: "y" } }],
      nums: [0, 1, -1, 2 ** 40],
      names: ["", "two"],
      smap: { k: "v", empty: "" },
      imap: { 1: { s: "one" }, 7: {} },
      c_int: 0, // a oneof member holding its default is still set
    });
    roundTrips(sinkTables, sinkRoot, "t.All", { c_str: "" });
    roundTrips(sinkTables, sinkRoot, "t.All", { c_inner: {} });
  });

  it("reads unpacked repeated scalars and skips unknown fields", () => {
    const info = sinkTables.messageInfo("t.All");
    // nums (19) unpacked: 98 01 05, 98 01 07; unknown field 99 (varint 1, len "ab", fixed32, fixed64)
    const bytes = Buffer.from("9801059801079806019a06026162" + "9d0601020304" + "99060102030405060708", "hex");
    const plain = decodeMessage(info, bytes);
    assert.deepStrictEqual(plain.nums, [5, 7]);
  });

  it("refuses truncated and overlong input with a decode error", () => {
    const info = messageInfo("tfplugin6.PlanResourceChange.Request");
    const good = encodeMessage(info, { type_name: "litellm_user", config: { msgpack: Buffer.from([0x81, 0xa1, 0x61, 0xc0]) } });
    let refused = 0;
    for (let cut = 1; cut < good.length; cut++) {
      // A cut between two fields leaves a valid shorter message; any other cut must be refused cleanly.
      try {
        decodeMessage(info, good.subarray(0, cut));
      } catch (e) {
        assert.ok(e instanceof ProtoDecodeError, `cut at ${cut}: ${String(e)}`);
        refused++;
      }
    }
    assert.ok(refused >= good.length - 4, `only ${refused} of ${good.length - 1} cuts refused`);
    assert.throws(() => decodeMessage(info, Buffer.from("08ffffffffffffffffffff01", "hex")), ProtoDecodeError);
  });

  it("round-trips the tfplugin6 messages the provider serves", () => {
    const tables = { messageInfo };
    roundTrips(tables, tfRoot, "tfplugin6.Diagnostic", {
      severity: 1, summary: "s", detail: "d", attribute: { steps: [{ attribute_name: "a" }, { element_key_int: 0 }, { element_key_string: "" }] },
    });
    roundTrips(tables, tfRoot, "tfplugin6.PlanResourceChange.Request", {
      type_name: "litellm_user", prior_state: { msgpack: Buffer.from([0xc0]) }, proposed_new_state: { json: Buffer.from("{}") },
      config: { msgpack: Buffer.alloc(70_000, 1) }, prior_private: Buffer.from("p"), provider_meta: {}, client_capabilities: { deferral_allowed: true },
    });
    roundTrips(tables, tfRoot, "tfplugin6.GetProviderSchema.Response", {
      provider: { version: 1, block: { attributes: [{ name: "api_key", type: Buffer.from('"string"'), optional: true, sensitive: true }] } },
      resource_schemas: { litellm_user: { version: 2, block: { block_types: [{ type_name: "b", nesting: 3, block: {} }] } } },
      server_capabilities: { plan_destroy: true, get_provider_schema_optional: true },
      diagnostics: [{ severity: 2, summary: "w" }],
    });
    roundTrips(tables, tfRoot, "tfplugin6.UpgradeResourceState.Request", { type_name: "t", version: -3, raw_state: { json: Buffer.from("{}"), flatmap: { a: "b" } } });
  });
});
