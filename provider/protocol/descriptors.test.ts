// The generated descriptors and types must match the .proto files, and the field numbers must match upstream.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { messageCodec } from "./message-codec";
import { messageInfo, serviceMethods } from "./proto-types";

const script = path.resolve(__dirname, "../../scripts/generate-proto.mjs");

describe("generated descriptors", () => {
  it("and types are up to date with provider/protocol/proto (run `npm run generate:proto`)", async () => {
    const generator = (await import(pathToFileURL(script).href)) as { renderGenerated(): Map<string, string>; genDir: string };
    const expected = generator.renderGenerated();
    assert.deepStrictEqual(fs.readdirSync(generator.genDir).sort(), [...expected.keys()].sort(), "files in provider/protocol/gen/");
    for (const [file, text] of expected) assert.equal(fs.readFileSync(path.join(generator.genDir, file), "utf8"), text, `provider/protocol/gen/${file} is stale`);
  });

  it("keep upstream field numbers", () => {
    const ids = (type: string) => Object.fromEntries(messageInfo(type).fields.map((f) => [f.name, f.id]));
    assert.deepStrictEqual(ids("tfplugin6.Schema.Attribute"), {
      name: 1, type: 2, nested_type: 10, description: 3, required: 4, optional: 5, computed: 6, sensitive: 7,
      description_kind: 8, deprecated: 9, write_only: 11,
    });
    assert.deepStrictEqual(ids("tfplugin6.ValidateProviderConfig.Response"), { diagnostics: 2 });
    assert.deepStrictEqual(ids("tfplugin6.GetProviderSchema.Response"), {
      provider: 1, resource_schemas: 2, data_source_schemas: 3, diagnostics: 4, provider_meta: 5, server_capabilities: 6,
    });
    assert.deepStrictEqual(ids("tfplugin6.PlanResourceChange.Response"), {
      planned_state: 1, requires_replace: 2, planned_private: 3, diagnostics: 4, legacy_type_system: 5, deferred: 6,
    });
    assert.deepStrictEqual(ids("tfplugin6.ApplyResourceChange.Response"), { new_state: 1, private: 2, diagnostics: 3, legacy_type_system: 4 });
    assert.deepStrictEqual(ids("tfplugin6.StopProvider.Response"), { Error: 1 });
  });

  it("declare exactly the methods we serve", () => {
    const methods = (name: string) => serviceMethods(name).map((m) => m.name);
    assert.deepStrictEqual(methods("tfplugin6.Provider"), [
      "GetMetadata", "GetProviderSchema", "ValidateProviderConfig", "ValidateResourceConfig", "ValidateDataResourceConfig",
      "UpgradeResourceState", "ConfigureProvider", "ReadResource", "PlanResourceChange", "ApplyResourceChange",
      "ImportResourceState", "ReadDataSource", "StopProvider",
    ]);
    assert.deepStrictEqual(methods("plugin.GRPCController"), ["Shutdown"]);
    assert.deepStrictEqual(methods("plugin.GRPCStdio"), ["StreamStdio"]);
    assert.deepStrictEqual(methods("grpc.health.v1.Health"), ["Check", "Watch"]);
  });
});

describe("message codec", () => {
  it("writes hand-computed protobuf bytes for a diagnostic", () => {
    const diag = messageCodec("tfplugin6.Diagnostic");
    // severity=1 (08 01), summary "s" (12 01 73), attribute (22 09) = AttributePath{
    //   steps: {attribute_name "a"} (0a 03 | 0a 01 61), {element_key_int 3} (0a 02 | 18 03) }
    const bytes = diag.encode({ severity: 1, summary: "s", detail: "", attribute: { steps: [{ attribute_name: "a" }, { element_key_int: 3 }] } });
    assert.equal(bytes.toString("hex"), "0801" + "120173" + "2209" + "0a03" + "0a0161" + "0a02" + "1803");
  });

  it("decodes requests into the plain shapes: snake_case, defaults, arrays, no nulls", () => {
    const codec = messageCodec("tfplugin6.PlanResourceChange.Request");
    const plain = codec.decode(codec.encode({ type_name: "litellm_user", config: { msgpack: Buffer.from([0xc0]) } })) as Record<string, unknown>;
    assert.equal(plain.type_name, "litellm_user");
    assert.deepStrictEqual([...(plain.config as { msgpack: Uint8Array }).msgpack], [0xc0]);
    assert.equal("prior_state" in plain, false);
    assert.ok(plain.prior_private instanceof Uint8Array);
    const upgrade = messageCodec("tfplugin6.UpgradeResourceState.Request");
    assert.deepStrictEqual(upgrade.decode(upgrade.encode({ type_name: "t", version: 3 })), { type_name: "t", version: 3 });
    const schema = messageCodec("tfplugin6.GetProviderSchema.Response");
    const decoded = schema.decode(schema.encode({ resource_schemas: { r: { version: 2, block: {} } } })) as Record<string, any>;
    assert.deepStrictEqual(decoded.diagnostics, []);
    assert.deepStrictEqual(decoded.resource_schemas.r.block.attributes, []);
    assert.equal(decoded.resource_schemas.r.version, 2);
  });
});
