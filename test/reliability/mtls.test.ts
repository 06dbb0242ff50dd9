// mTLS under abuse, beyond test/protocol's check of a stranger with no or another certificate: an impostor with
// Terraform's exact subject, raw bytes and plaintext HTTP/2 on the socket, half-open and abandoned handshakes, and
// many of them at once. All are refused, the provider keeps serving Terraform, and it never crashes.
import assert from "node:assert/strict";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import http2 from "node:http2";
import { after, before, it } from "node:test";
import * as grpc from "@grpc/grpc-js";
import { connectPlugin, parseHandshakeLine, type Handshake, type PluginClient } from "../support/plugin-client";
import { createSelfSignedCertificate } from "../../provider/protocol/self-signed-cert";
import { pluginEnv, startPlugin, type PluginProcess } from "../protocol/plugin-process";
import { recordScenario } from "./support/report";

const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), "litellm-mtls-"));
// Terraform's identity for this run, and an impostor with the very same subject but its own key.
const terraform = createSelfSignedCertificate({ organization: "HashiCorp", commonName: "localhost" });
const impostor = createSelfSignedCertificate({ organization: "HashiCorp", commonName: "localhost" });

let plugin: PluginProcess;
let handshake: Handshake;
let client: PluginClient;

before(async () => {
  plugin = await startPlugin(pluginEnv({ PLUGIN_CLIENT_CERT: terraform.certPem, PLUGIN_UNIX_SOCKET_DIR: socketDir }));
  handshake = parseHandshakeLine(plugin.handshake);
  client = connectPlugin(handshake, terraform);
});
after(async () => {
  await client.unary("/plugin.GRPCController/Shutdown", Buffer.alloc(0)).catch(() => undefined);
  client.close();
  await plugin.exited;
  fs.rmSync(socketDir, { recursive: true, force: true });
});

async function serving(): Promise<void> {
  const schema = await client.provider<{ resource_schemas: Record<string, unknown> }>("GetProviderSchema");
  assert.ok(schema.resource_schemas.litellm_user, "the provider still answers Terraform");
  assert.equal(plugin.child.exitCode, null, "the provider is still running");
}

const refused = (e: grpc.ServiceError) => e.code === grpc.status.UNAVAILABLE;

/**
 * Writes bytes on a raw connection to the plugin's socket, then waits until the provider drops it or, for a
 * handshake left half done (which the TLS server may hold open for its handshake timeout), gives up as a scanner would.
 */
function rawConnection(bytes: Buffer | null, closeEarly = false): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(handshake.address);
    socket.on("connect", () => {
      if (bytes) socket.write(bytes);
      if (closeEarly) socket.destroy();
    });
    socket.on("data", () => undefined);
    socket.on("error", () => undefined);
    socket.on("close", () => resolve());
    setTimeout(() => socket.destroy(), 300).unref();
  });
}

it("refuses an impostor with Terraform's subject but not its key", async () => {
  const fake = connectPlugin(handshake, impostor);
  await assert.rejects(fake.provider("GetProviderSchema"), refused);
  fake.close();
  await serving();
});

it("drops raw bytes, plaintext HTTP/2 and abandoned handshakes, and keeps serving", async () => {
  await rawConnection(Buffer.from("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
  await rawConnection(Buffer.from([0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0x00])); // a ClientHello cut short
  await rawConnection(Buffer.from([0x16, 0x03, 0x01, 0xff, 0xff, ...Buffer.alloc(64, 0x41)]), true);
  await rawConnection(null);
  await rawConnection(Buffer.alloc(100_000, 0xff));

  // A plaintext gRPC (h2c) client, as a misconfigured or reattaching host would connect.
  const plaintext = connectPlugin({ ...handshake, certDer: undefined });
  await assert.rejects(plaintext.provider("GetProviderSchema"), refused);
  plaintext.close();

  // HTTP/2 with prior knowledge over the raw socket.
  await new Promise<void>((resolve) => {
    const session = http2.connect("http://localhost", { createConnection: () => net.connect(handshake.address) });
    session.on("error", () => resolve());
    session.on("close", () => resolve());
    const req = session.request({ ":method": "POST", ":path": "/tfplugin6.Provider/GetProviderSchema", "content-type": "application/grpc" });
    req.on("error", () => undefined);
    req.end(Buffer.alloc(5));
  });
  await serving();
});

it("stays up through 60 concurrent refused clients and keeps answering Terraform meanwhile", async () => {
  const strangers = Array.from({ length: 60 }, (_, i) => {
    const identity = i % 3 === 0 ? undefined : i % 3 === 1 ? impostor : createSelfSignedCertificate({ organization: `stranger-${i}` });
    return connectPlugin(handshake, identity);
  });
  const attempts = strangers.map((s) => s.provider("GetProviderSchema").then(() => "accepted", () => "refused"));
  const served = await Promise.all([serving(), serving(), serving()]);
  const outcomes = await Promise.all(attempts);
  for (const s of strangers) s.close();
  assert.equal(served.length, 3);
  assert.deepEqual(new Set(outcomes), new Set(["refused"]), "no stranger was served");
  await serving();
  assert.doesNotMatch(plugin.stderr(), /panic|uncaught|unhandled/i, "nothing crashed on the way");
  assert.equal(plugin.stdout(), plugin.handshake + "\n", "stdout holds the handshake line only");
  recordScenario({
    id: "6.1",
    scenario: "mTLS between Terraform and the provider under abuse",
    faults: "impostor with Terraform's subject, no certificate, strangers' certificates, raw bytes, truncated ClientHello, plaintext h2/gRPC, 60 concurrent refused clients",
    outcome: "every stranger refused; the provider kept answering Terraform throughout and never crashed",
    lost: outcomes.filter((o) => o !== "refused").length,
  });
});
