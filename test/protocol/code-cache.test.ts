// The built executable's V8 code caches: written by a run that served RPCs, used by the next, ignored
// when damaged or turned off; the provider answers the same either way.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { connectPlugin, parseHandshakeLine } from "../support/plugin-client";
import { createSelfSignedCertificate } from "../../provider/protocol/self-signed-cert";
import { pluginEnv, startPlugin } from "./plugin-process";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "code-cache-e2e-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const host = createSelfSignedCertificate({ organization: "terraform-host" });

/** Starts the provider, asks for the schema, shuts it down; returns its code-cache report. */
async function runOnce(cacheDir: string, extra: NodeJS.ProcessEnv = {}): Promise<Record<string, string>> {
  const reports = fs.mkdtempSync(path.join(tmp, "reports-"));
  const plugin = await startPlugin(
    pluginEnv({ PLUGIN_CLIENT_CERT: host.certPem, PLUGIN_UNIX_SOCKET_DIR: tmp, LITELLM_TF_CACHE_DIR: cacheDir, LITELLM_TF_BENCH_REPORT: reports, ...extra }),
  );
  const client = connectPlugin(parseHandshakeLine(plugin.handshake), host);
  const schema = await client.provider<Record<string, any>>("GetProviderSchema");
  assert.ok(schema.resource_schemas.litellm_user, "the provider serves its schema");
  await client.unary("/plugin.GRPCController/Shutdown", Buffer.alloc(0)).catch(() => undefined);
  client.close();
  assert.equal(await plugin.exited, 0);
  const [report] = fs.readdirSync(reports).map((f) => JSON.parse(fs.readFileSync(path.join(reports, f), "utf8")));
  return report.codeCache;
}

describe("the provider's code cache", { timeout: 60_000 }, () => {
  const dir = path.join(tmp, "cache");

  it("is written by a first run and used by the next", async () => {
    assert.deepStrictEqual(await runOnce(dir), { core: "miss" });
    const files = fs.readdirSync(dir);
    assert.equal(files.length, 1);
    assert.match(files[0]!, /^provider-[0-9a-f]{16}-core-node.+\.v8cache$/);
    assert.deepStrictEqual(await runOnce(dir), { core: "hit" });
  });

  it("ignores a damaged cache file (damaged data can crash V8), serves, and writes a good one again", async () => {
    const file = path.join(dir, fs.readdirSync(dir)[0]!);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, bytes.length - 4096);
    fs.writeFileSync(file, bytes);
    assert.deepStrictEqual(await runOnce(dir), { core: "miss" });
    assert.deepStrictEqual(await runOnce(dir), { core: "hit" });
  });

  it("is neither read nor written when LITELLM_TF_CODE_CACHE=off", async () => {
    const off = path.join(tmp, "off");
    assert.deepStrictEqual(await runOnce(off, { LITELLM_TF_CODE_CACHE: "off" }), { core: "off" });
    assert.equal(fs.existsSync(off), false);
  });
});
