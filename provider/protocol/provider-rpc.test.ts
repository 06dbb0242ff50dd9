// The RPC boundary, without a socket: requests in as bytes, responses out as bytes.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createLogger, registerSecret } from "../log";
import { messageCodec } from "./message-codec";
import { createProviderRpc } from "./provider-rpc";
import { CodecError } from "./codec/codec-error";
import type { ProviderService } from "./gen/tfplugin6";

const lines: string[] = [];
const logger = createLogger("test", "trace", (line) => lines.push(line));

const encode = (method: string, req: Record<string, unknown>) => messageCodec(`tfplugin6.${method}.Request`).encode(req);
const decode = (method: string, bytes: Uint8Array) => messageCodec<Record<string, any>>(`tfplugin6.${method}.Response`).decode(bytes);

function service(overrides: Partial<Record<keyof ProviderService, (req: any) => Promise<unknown>>>): ProviderService {
  return overrides as unknown as ProviderService;
}

describe("provider RPC boundary", () => {
  it("serves only the methods the service implements", () => {
    const rpc = createProviderRpc(service({ GetProviderSchema: async () => ({}) }), logger);
    assert.deepStrictEqual(rpc.methods, ["GetProviderSchema"]);
  });

  it("passes decoded requests and encodes plain responses", async () => {
    let seen: any;
    const rpc = createProviderRpc(
      service({
        ReadResource: async (req) => {
          seen = req;
          return { new_state: { msgpack: Buffer.from([0xc0]) }, private: req.private, diagnostics: [] };
        },
      }),
      logger,
    );
    const out = decode("ReadResource", await rpc.invoke("ReadResource", encode("ReadResource", { type_name: "litellm_user", private: Buffer.from("p") })));
    assert.equal(seen.type_name, "litellm_user");
    assert.equal(Buffer.from(seen.private).toString(), "p");
    assert.equal(Buffer.from(out.private).toString(), "p");
    assert.deepStrictEqual([...out.new_state.msgpack], [0xc0]);
  });

  it("turns a throw into an error diagnostic, with secrets scrubbed", async () => {
    registerSecret("sk-very-secret-master-key");
    const rpc = createProviderRpc(
      service({
        PlanResourceChange: async () => {
          throw new Error("boom with sk-very-secret-master-key inside");
        },
      }),
      logger,
    );
    const out = decode("PlanResourceChange", await rpc.invoke("PlanResourceChange", encode("PlanResourceChange", { type_name: "x" })));
    assert.equal(out.diagnostics.length, 1);
    assert.equal(out.diagnostics[0].severity, 1);
    assert.equal(out.diagnostics[0].summary, "Unexpected Provider Error");
    assert.match(out.diagnostics[0].detail, /PlanResourceChange: boom with \*\*\* inside/);
    assert.ok(!lines.join("").includes("sk-very-secret-master-key"), "the secret reached the log");
    assert.ok(lines.some((l) => l.includes('"@level":"error"') && l.includes("boom")), "the failure was not logged");
  });

  it("reports a codec error at its attribute path", async () => {
    const rpc = createProviderRpc(
      service({
        ApplyResourceChange: async () => {
          throw new CodecError("expected string, got number", [{ attribute_name: "models" }, { element_key_int: 2 }]);
        },
      }),
      logger,
    );
    const out = decode("ApplyResourceChange", await rpc.invoke("ApplyResourceChange", encode("ApplyResourceChange", {})));
    assert.deepStrictEqual(out.diagnostics[0].attribute, { steps: [{ attribute_name: "models" }, { element_key_int: 2 }] });
  });

  it("answers malformed request bytes and unencodable responses with a diagnostic", async () => {
    const rpc = createProviderRpc(
      service({
        ValidateResourceConfig: async () => ({ diagnostics: [] }),
        ConfigureProvider: async () => ({ diagnostics: "not a list" }),
      }),
      logger,
    );
    const bad = decode("ValidateResourceConfig", await rpc.invoke("ValidateResourceConfig", Buffer.from([0x0a, 0xff])));
    assert.equal(bad.diagnostics[0].summary, "Unexpected Provider Error");
    const unencodable = decode("ConfigureProvider", await rpc.invoke("ConfigureProvider", encode("ConfigureProvider", {})));
    assert.equal(unencodable.diagnostics[0].summary, "Unexpected Provider Error");
  });

  it("reports a StopProvider failure in its Error field", async () => {
    const rpc = createProviderRpc(
      service({
        StopProvider: async () => {
          throw new Error("cannot stop");
        },
      }),
      logger,
    );
    assert.deepStrictEqual(decode("StopProvider", await rpc.invoke("StopProvider", Buffer.alloc(0))), { Error: "cannot stop" });
  });
});
