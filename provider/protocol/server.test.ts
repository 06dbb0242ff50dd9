// servePlugin over a real unix socket with AutoMTLS, in this process, with a fake ProviderService.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import * as grpc from "@grpc/grpc-js";
import { createLogger } from "../log";
import { messageCodec } from "./message-codec";
import { connectPlugin, parseHandshakeLine, type PluginClient } from "../../test/support/plugin-client";
import { createSelfSignedCertificate, toPem } from "./self-signed-cert";
import { servePlugin, type PluginServer } from "./server";
import type { ProviderService } from "./gen/tfplugin6";

const big = Buffer.alloc(10 << 20, 7); // above gRPC's usual 4 MiB default
const fakeService = {
  async GetProviderSchema() {
    return { provider: { version: 0, block: {} }, server_capabilities: { plan_destroy: true, get_provider_schema_optional: true } };
  },
  async ReadResource() {
    throw new Error("read exploded");
  },
  async ReadDataSource(req: { config?: { msgpack?: Uint8Array } }) {
    return { state: { msgpack: req.config?.msgpack ?? Buffer.alloc(0) } };
  },
  async ApplyResourceChange() {
    return { new_state: { msgpack: big } };
  },
} as unknown as ProviderService;

describe("servePlugin", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plugin-test-"));
  const identity = createSelfSignedCertificate({ organization: "terraform-test-host" });
  let server: PluginServer;
  let client: PluginClient;
  let handshake = "";
  const exits: number[] = [];

  before(async () => {
    server = await servePlugin(fakeService, {
      env: { PLUGIN_CLIENT_CERT: identity.certPem, PLUGIN_UNIX_SOCKET_DIR: dir },
      logger: createLogger("test", undefined),
      writeHandshake: (line) => void (handshake += line),
      exit: (code) => void exits.push(code),
      processHooks: false,
    });
    client = connectPlugin(parseHandshakeLine(handshake), identity);
  });

  after(async () => {
    client.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("writes the handshake once the socket exists", () => {
    assert.equal(handshake, server.handshake);
    const h = parseHandshakeLine(handshake);
    assert.equal(h.address, server.socketPath);
    assert.equal(path.dirname(h.address), dir);
    assert.ok(fs.statSync(h.address).isSocket());
  });

  it("answers GetProviderSchema", async () => {
    const res = await client.provider<Record<string, any>>("GetProviderSchema");
    assert.deepStrictEqual(res.server_capabilities, { plan_destroy: true, get_provider_schema_optional: true, move_resource_state: false, generate_resource_config: false });
  });

  it("round-trips bytes and carries messages over 4 MiB", async () => {
    const read = await client.provider<Record<string, any>>("ReadDataSource", { config: { msgpack: Buffer.from([0x81, 0xa1, 0x61, 0xc0]) } });
    assert.deepStrictEqual([...read.state.msgpack], [0x81, 0xa1, 0x61, 0xc0]);
    const applied = await client.provider<Record<string, any>>("ApplyResourceChange", {});
    assert.equal(applied.new_state.msgpack.length, big.length);
  });

  it("turns a handler's throw into a diagnostic instead of a gRPC error", async () => {
    const res = await client.provider<Record<string, any>>("ReadResource", { type_name: "litellm_user" });
    assert.equal(res.diagnostics[0].severity, 1);
    assert.match(res.diagnostics[0].detail, /ReadResource: read exploded/);
  });

  it("answers UNIMPLEMENTED for methods the service lacks or the proto does not declare", async () => {
    for (const method of ["PlanResourceChange", "GetFunctions"]) {
      await assert.rejects(client.unary(`/tfplugin6.Provider/${method}`, Buffer.alloc(0)), (e: grpc.ServiceError) => e.code === grpc.status.UNIMPLEMENTED);
    }
  });

  it("reports the plugin service as SERVING", async () => {
    const req = messageCodec("grpc.health.v1.HealthCheckRequest");
    const res = messageCodec<{ status: number }>("grpc.health.v1.HealthCheckResponse");
    assert.equal(res.decode(await client.unary("/grpc.health.v1.Health/Check", req.encode({ service: "plugin" }))).status, 1);
    await assert.rejects(client.unary("/grpc.health.v1.Health/Check", req.encode({ service: "other" })), (e: grpc.ServiceError) => e.code === grpc.status.NOT_FOUND);
  });

  it("keeps StreamStdio and Health/Watch open without stray data, then stops and exits 0 on Shutdown", async () => {
    const h = parseHandshakeLine(handshake);
    const channel = new grpc.Client(
      `unix://${h.address}`,
      grpc.credentials.createSsl(Buffer.from(toPem(h.certDer!)), Buffer.from(identity.keyPem), Buffer.from(identity.certPem)),
      { "grpc.ssl_target_name_override": "localhost", "grpc.default_authority": "localhost" },
    );
    const raw = (b: Buffer) => b;
    const open = (method: string, request: Buffer) => {
      const stream = channel.makeServerStreamRequest(method, raw, raw, request);
      const received: Buffer[] = [];
      stream.on("data", (d: Buffer) => received.push(d));
      stream.on("error", () => {});
      const status = new Promise<grpc.StatusObject>((resolve) => stream.on("status", resolve));
      return { received, status };
    };
    const stdio = open("/plugin.GRPCStdio/StreamStdio", Buffer.alloc(0));
    const watch = open("/grpc.health.v1.Health/Watch", messageCodec("grpc.health.v1.HealthCheckRequest").encode({ service: "plugin" }));
    // Calls on one channel reach the server in order, so both streams are open once this returns.
    await new Promise((resolve, reject) =>
      channel.makeUnaryRequest("/tfplugin6.Provider/GetProviderSchema", raw, raw, Buffer.alloc(0), (e, r) => (e ? reject(e) : resolve(r))),
    );
    assert.deepStrictEqual(exits, []);
    await client.unary("/plugin.GRPCController/Shutdown", Buffer.alloc(0));
    assert.equal((await stdio.status).code, grpc.status.OK);
    assert.equal((await watch.status).code, grpc.status.OK);
    assert.deepStrictEqual(stdio.received, []);
    assert.deepStrictEqual(watch.received.map((b) => messageCodec("grpc.health.v1.HealthCheckResponse").decode(b)), [{ status: 1 }]);
    await server.stop();
    assert.deepStrictEqual(exits, [0]);
    assert.equal(fs.existsSync(server.socketPath), false);
    channel.close();
  });
});
