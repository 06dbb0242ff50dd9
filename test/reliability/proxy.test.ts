// The provider behind a forward proxy, through real terraform: http to LiteLLM in absolute form through
// HTTP_PROXY, https through a CONNECT tunnel with LiteLLM's certificate still checked against ca_cert_file, and
// NO_PROXY (and loopback) going direct. The proxy resolves litellm.test, a name only it knows.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { startEmulator } from "../../provider/emulator";
import type { TestEmulator } from "../support/emulator";
import type { Workspace } from "../support/terraform";
import { recordScenario } from "./support/report";
import { createTestCa } from "./support/test-ca";
import { startTestProxy, type TestProxy } from "./support/test-proxy";
import { lostCount, oneLine, providerHcl, reconcile, usersInState, workspaceFor } from "./support/workspace";

const ca = createTestCa();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "litellm-tf-proxy-"));
const caFile = path.join(dir, "ca.pem");
fs.writeFileSync(caFile, ca.certPem);

/** This machine's first address that is not loopback: NO_PROXY decides whether it is reached directly. */
const external = Object.values(os.networkInterfaces())
  .flat()
  .find((a) => a && a.family === "IPv4" && !a.internal);

let plain: TestEmulator;
let secure: TestEmulator;
let proxy: TestProxy;
const workspaces: Workspace[] = [];

async function emulator(options: { host?: string; tls?: { cert: string; key: string } }): Promise<TestEmulator> {
  const masterKey = `sk-proxy-${randomBytes(12).toString("hex")}`;
  return Object.assign(await startEmulator({ port: 0, masterKey, ...options }), { masterKey });
}

before(async () => {
  plain = await emulator({ host: "0.0.0.0" });
  const leaf = ca.issue({ names: ["litellm.test"] });
  secure = await emulator({ tls: { cert: leaf.certPem, key: leaf.keyPem } });
  proxy = await startTestProxy({ "litellm.test": "127.0.0.1" });
});
after(async () => {
  for (const ws of workspaces) ws.dispose();
  await proxy.close();
  await plain.close();
  await secure.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const port = (emu: TestEmulator) => new URL(emu.url).port;
/** Every proxy variable set, so the machine's own settings never leak into a test. */
const noProxyEnv = { HTTP_PROXY: "", http_proxy: "", HTTPS_PROXY: "", https_proxy: "", NO_PROXY: "", no_proxy: "" };

function workspace(emu: TestEmulator, apiBase: string, email: string, env: Record<string, string>, settings: { ca_cert_file?: string } = {}): Workspace {
  const ws = workspaceFor(
    emu,
    {
      "main.tf": `${providerHcl({ api_base: apiBase, max_retries: 1, request_timeout: 10, ...settings })}
resource "litellm_user" "u" {
  user_email = "${email}"
}
`,
    },
    { ...noProxyEnv, ...env },
  );
  workspaces.push(ws);
  return ws;
}

async function applyPlanDestroy(ws: Workspace, emu: TestEmulator): Promise<number> {
  await ws.ok(["apply", "-auto-approve"]);
  const state = await usersInState(ws);
  const lost = lostCount(reconcile(emu, state));
  assert.equal(lost, 0, "state and LiteLLM hold the same user");
  assert.equal(emu.store.users.size, 1);
  await ws.ok(["plan", "-detailed-exitcode"], 0);
  await ws.ok(["destroy", "-auto-approve"]);
  assert.equal(emu.store.users.size, 0);
  return lost;
}

describe("through a proxy", () => {
  it("http: http_proxy (lower case) carries every call in absolute form", { timeout: 120_000 }, async () => {
    proxy.seen.length = 0;
    const base = `http://litellm.test:${port(plain)}`;
    const lost = await applyPlanDestroy(workspace(plain, base, "proxy-http@example.com", { http_proxy: proxy.url }), plain);
    assert.ok(proxy.seen.includes(`POST ${base}/user/new`), proxy.seen.join("\n"));
    assert.ok(proxy.seen.every((s) => s.startsWith("GET " + base) || s.startsWith("POST " + base)), "nothing but LiteLLM calls, in absolute form");
    recordScenario({
      id: "10.1",
      scenario: "LiteLLM over http behind a forward proxy (`http_proxy`)",
      faults: "api_base names a host only the proxy can resolve",
      outcome: `apply, clean plan and destroy through the proxy; it forwarded ${proxy.seen.length} calls in absolute form`,
      lost,
    });
  });

  it("https: HTTPS_PROXY tunnels with CONNECT; LiteLLM's certificate is still checked against ca_cert_file", { timeout: 120_000 }, async () => {
    proxy.seen.length = 0;
    const base = `https://litellm.test:${port(secure)}`;
    const lost = await applyPlanDestroy(workspace(secure, base, "proxy-https@example.com", { HTTPS_PROXY: proxy.url }, { ca_cert_file: caFile }), secure);
    assert.ok(proxy.seen.length > 0);
    assert.deepEqual([...new Set(proxy.seen)], [`CONNECT litellm.test:${port(secure)}`], "only tunnels: the proxy never saw a request");

    // Without ca_cert_file, the certificate behind the tunnel is refused and nothing is created.
    proxy.seen.length = 0;
    const untrusted = workspace(secure, base, "proxy-https-untrusted@example.com", { HTTPS_PROXY: proxy.url });
    const r = await untrusted.ok(["apply", "-auto-approve", "-no-color"], 1);
    assert.match(oneLine(r.stderr), /the TLS certificate of api_base is not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
    assert.ok(proxy.seen.length > 0, "the refusal happened behind the tunnel");
    assert.equal(secure.store.users.size, 0);
    assert.equal((await usersInState(untrusted)).length, 0);
    recordScenario({
      id: "10.2",
      scenario: "LiteLLM over https behind a forward proxy (`HTTPS_PROXY`, CONNECT)",
      faults: "api_base names a host only the proxy can resolve; LiteLLM's certificate comes from a private CA",
      outcome: "apply, clean plan and destroy through CONNECT tunnels only; without ca_cert_file the certificate behind the tunnel is refused and nothing is created",
      lost,
    });
  });

  it("NO_PROXY (a CIDR range) and loopback addresses go direct", { timeout: 180_000 }, async () => {
    assert.ok(external, "this machine has an address that is not loopback");
    const direct = `http://${external.address}:${port(plain)}`;
    proxy.seen.length = 0;
    const viaProxy = await applyPlanDestroy(workspace(plain, direct, "proxy-none-1@example.com", { HTTP_PROXY: proxy.url }), plain);
    assert.ok(proxy.seen.length > 0, "without NO_PROXY the address goes through the proxy");

    proxy.seen.length = 0;
    const cidr = `${external.address.split(".").slice(0, 3).join(".")}.0/24`;
    const bypassed = await applyPlanDestroy(workspace(plain, direct, "proxy-none-2@example.com", { HTTP_PROXY: proxy.url, NO_PROXY: `other.example,${cidr}` }), plain);
    assert.deepEqual(proxy.seen, [], "NO_PROXY sent every call direct");

    const loopback = await applyPlanDestroy(workspace(plain, `http://127.0.0.1:${port(plain)}`, "proxy-none-3@example.com", { HTTP_PROXY: proxy.url }), plain);
    assert.deepEqual(proxy.seen, [], "loopback is never proxied");
    recordScenario({
      id: "10.3",
      scenario: "`NO_PROXY` and loopback bypass the proxy",
      faults: "HTTP_PROXY set; api_base a LAN address, then the same with NO_PROXY naming its /24, then 127.0.0.1",
      outcome: "the LAN address went through the proxy until NO_PROXY named its range, then direct; loopback always direct; each apply, plan clean, destroy",
      lost: viaProxy + bypassed + loopback,
    });
  });
});
