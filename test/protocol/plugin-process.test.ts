// Spawns the built provider exactly as Terraform 1.11 does and talks to it as go-plugin's client.
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import * as grpc from "@grpc/grpc-js";
import { messageCodec } from "../../provider/protocol/message-codec";
import { connectPlugin, parseHandshakeLine, type PluginClient } from "../support/plugin-client";
import { createSelfSignedCertificate } from "../../provider/protocol/self-signed-cert";
import { pluginEnv, startPlugin, type PluginProcess } from "./plugin-process";

const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), "tfplugin-"));
after(() => fs.rmSync(socketDir, { recursive: true, force: true }));

const hostIdentity = createSelfSignedCertificate({ organization: "terraform-host" });
const health = {
  request: messageCodec("grpc.health.v1.HealthCheckRequest"),
  response: messageCodec<{ status: number }>("grpc.health.v1.HealthCheckResponse"),
};

async function schemaOf(client: PluginClient): Promise<Record<string, any>> {
  return client.provider<Record<string, any>>("GetProviderSchema");
}

async function shutdownAndWait(plugin: PluginProcess, client: PluginClient): Promise<number | null> {
  // go-plugin ignores the Shutdown reply; the process may already be gone when it would arrive.
  await client.unary("/plugin.GRPCController/Shutdown", Buffer.alloc(0)).catch(() => undefined);
  client.close();
  return plugin.exited;
}

describe("the built provider with AutoMTLS", { timeout: 60_000 }, () => {
  let plugin: PluginProcess;
  let client: PluginClient;

  it("prints one handshake line with an unpadded base64 DER certificate for localhost", async () => {
    plugin = await startPlugin(pluginEnv({ PLUGIN_CLIENT_CERT: hostIdentity.certPem, PLUGIN_UNIX_SOCKET_DIR: socketDir }));
    const fields = plugin.handshake.split("|");
    assert.equal(fields.length, 6);
    assert.deepStrictEqual(fields.slice(0, 3), ["1", "6", "unix"]);
    assert.equal(fields[4], "grpc");
    assert.equal(path.dirname(fields[3]), socketDir);
    assert.ok(fs.statSync(fields[3]).isSocket());
    assert.match(fields[5], /^[A-Za-z0-9+/]{51,}$/); // RawStdEncoding: no '=' and longer than go-plugin's 50-char floor
    const cert = new crypto.X509Certificate(Buffer.from(fields[5], "base64"));
    assert.equal(cert.subjectAltName, "DNS:localhost");
    assert.ok(cert.verify(cert.publicKey));
    client = connectPlugin(parseHandshakeLine(plugin.handshake), hostIdentity);
  });

  it("serves GetProviderSchema to the host that presented PLUGIN_CLIENT_CERT", async () => {
    const schema = await schemaOf(client);
    assert.ok(schema.provider?.block, "missing provider schema");
    assert.ok(Object.keys(schema.resource_schemas).length > 0, "no resource schemas");
    assert.ok(schema.resource_schemas.litellm_user, "litellm_user is missing (snake_case keys lost?)");
  });

  it("answers UNIMPLEMENTED for a method it does not serve", async () => {
    await assert.rejects(client.unary("/tfplugin6.Provider/GetFunctions", Buffer.alloc(0)), (e: grpc.ServiceError) => e.code === grpc.status.UNIMPLEMENTED);
  });

  it("refuses clients without the host's certificate and keeps serving", async () => {
    const handshake = parseHandshakeLine(plugin.handshake);
    for (const identity of [undefined, createSelfSignedCertificate({ organization: "stranger" })]) {
      const stranger = connectPlugin(handshake, identity);
      await assert.rejects(schemaOf(stranger), (e: grpc.ServiceError) => e.code === grpc.status.UNAVAILABLE);
      stranger.close();
    }
    assert.ok((await schemaOf(client)).provider);
  });

  it("reports health SERVING for the plugin service", async () => {
    const res = await client.unary("/grpc.health.v1.Health/Check", health.request.encode({ service: "plugin" }));
    assert.equal(health.response.decode(res).status, 1);
  });

  it("ignores SIGINT, as go-plugin plugins do", async () => {
    plugin.child.kill("SIGINT");
    assert.ok((await schemaOf(client)).provider);
    assert.equal(plugin.child.exitCode, null);
  });

  it("exits 0 on Shutdown, removes its socket and never wrote more than the handshake to stdout", async () => {
    const socket = parseHandshakeLine(plugin.handshake).address;
    assert.equal(await shutdownAndWait(plugin, client), 0);
    assert.equal(plugin.stdout(), plugin.handshake + "\n");
    assert.equal(fs.existsSync(socket), false);
  });
});

describe("the built provider without PLUGIN_CLIENT_CERT", { timeout: 60_000 }, () => {
  it("serves plaintext and prints no certificate field", async () => {
    const plugin = await startPlugin(pluginEnv({ PLUGIN_UNIX_SOCKET_DIR: socketDir }));
    const fields = plugin.handshake.split("|");
    assert.equal(fields.length, 5);
    const client = connectPlugin(parseHandshakeLine(plugin.handshake));
    assert.ok((await schemaOf(client)).provider);
    assert.equal(await shutdownAndWait(plugin, client), 0);
    assert.equal(plugin.stdout().split("\n").filter(Boolean).length, 1);
  });

  it("stops cleanly with exit code 0 on SIGTERM", async () => {
    const plugin = await startPlugin(pluginEnv({ PLUGIN_UNIX_SOCKET_DIR: socketDir }));
    const client = connectPlugin(parseHandshakeLine(plugin.handshake));
    assert.ok((await schemaOf(client)).provider);
    plugin.child.kill("SIGTERM");
    assert.equal(await plugin.exited, 0);
    client.close();
    assert.equal(fs.existsSync(parseHandshakeLine(plugin.handshake).address), false);
  });
});
