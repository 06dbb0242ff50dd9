// TLS to LiteLLM: the emulator serves https with a certificate from a CA made in this test. The client trusts it
// through ca_cert_file, refuses it with a clear error without, and skips the check with insecure_skip_verify.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { startEmulator } from "../../provider/emulator";
import { LiteLLMClient } from "../../provider/litellm/client";
import { isLiteLLMError } from "../../provider/litellm/errors";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import type { Workspace } from "../support/terraform";
import { recordScenario } from "./support/report";
import { createTestCa } from "./support/test-ca";
import { oneLine, providerHcl, usersInState, workspaceFor, type ProviderSettings } from "./support/workspace";

const ca = createTestCa();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "litellm-tf-tls-"));
const caFile = path.join(dir, "ca.pem");
fs.writeFileSync(caFile, ca.certPem);

const servers: TestEmulator[] = [];
const workspaces: Workspace[] = [];

async function httpsEmulator(leaf = ca.issue()): Promise<TestEmulator> {
  const masterKey = `sk-tls-${randomBytes(12).toString("hex")}`;
  const emu = Object.assign(await startEmulator({ port: 0, masterKey, tls: { cert: leaf.certPem, key: leaf.keyPem } }), { masterKey });
  servers.push(emu);
  return emu;
}

let emu: TestEmulator;
before(async () => {
  emu = await httpsEmulator();
});
after(async () => {
  for (const ws of workspaces) ws.dispose();
  for (const s of servers) await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function client(target: TestEmulator, options: { caPem?: string; insecureSkipVerify?: boolean; apiBase?: string } = {}) {
  return new LiteLLMClient({ apiBase: options.apiBase ?? target.url, apiKey: target.masterKey, timeoutMs: 5000, retry: { baseDelayMs: 5 }, ...options });
}

async function tlsFailure(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (e) {
    assert.ok(isLiteLLMError(e), String(e));
    assert.equal(e.status, 0);
    return e.message;
  }
  throw new Error("the call succeeded but the certificate should not have been trusted");
}

describe("the client over https", () => {
  it("serves https at all", () => {
    assert.match(emu.url, /^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it("trusts the proxy with the CA given", async () => {
    assert.equal(await client(emu, { caPem: ca.certPem }).userInfo("nobody"), null);
  });

  it("refuses the proxy without the CA, at once and with what to do", async () => {
    emu.requests.clear();
    const message = await tlsFailure(client(emu).userInfo("nobody"));
    assert.match(message, /the TLS certificate of api_base is not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
    assert.match(message, /Set ca_cert_file/);
    assert.match(message, /insecure_skip_verify/);
    assert.equal(emu.requests.total(), 0, "no request got through");
  });

  it("skips verification with insecure_skip_verify", async () => {
    assert.equal(await client(emu, { insecureSkipVerify: true }).userInfo("nobody"), null);
  });

  it("refuses a certificate for another host, even from the trusted CA", async () => {
    const other = await httpsEmulator(ca.issue({ names: ["litellm.internal"] }));
    const message = await tlsFailure(client(other, { caPem: ca.certPem }).userInfo("nobody"));
    assert.match(message, /ERR_TLS_CERT_ALTNAME_INVALID/);
    assert.match(message, /does not name the host in api_base/);
  });

  it("refuses an expired certificate", async () => {
    const expired = await httpsEmulator(ca.issue({ notBefore: new Date(Date.now() - 48 * 3600_000), notAfter: new Date(Date.now() - 24 * 3600_000) }));
    const message = await tlsFailure(client(expired, { caPem: ca.certPem }).userInfo("nobody"));
    assert.match(message, /CERT_HAS_EXPIRED/);
  });

  it("says so when api_base is https but the proxy speaks http", async () => {
    const plain = await startTestEmulator();
    servers.push(plain);
    const message = await tlsFailure(client(plain, { apiBase: plain.url.replace("http:", "https:"), caPem: ca.certPem }).userInfo("nobody"));
    assert.match(message, /TLS handshake failed|is api_base https:\/\/ while the proxy speaks plain http/);
  });
});

describe("TLS through terraform", () => {
  const config = (settings: ProviderSettings, email: string) => `${providerHcl({ max_retries: 1, ...settings })}
resource "litellm_user" "u" {
  user_email = "${email}"
}
`;

  function workspace(settings: ProviderSettings, email: string): Workspace {
    const ws = workspaceFor(emu, { "main.tf": config(settings, email) });
    workspaces.push(ws);
    return ws;
  }

  it("ca_cert_file: apply, a clean plan, destroy", async () => {
    const ws = workspace({ ca_cert_file: caFile }, "tls-ca@example.com");
    await ws.ok(["apply", "-auto-approve"]);
    const [user] = await usersInState(ws);
    assert.ok(emu.store.getUser(String(user.values.user_id)));
    await ws.ok(["plan", "-detailed-exitcode"], 0);
    await ws.ok(["destroy", "-auto-approve"]);
    assert.equal(emu.store.users.size, 0);
  });

  it("without ca_cert_file: the apply fails with a clear error and creates nothing", async () => {
    const ws = workspace({}, "tls-none@example.com");
    const r = await ws.ok(["apply", "-auto-approve", "-no-color"], 1);
    assert.match(r.stderr, /Cannot Create User/);
    assert.match(oneLine(r.stderr), /the TLS certificate of api_base is not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
    assert.match(oneLine(r.stderr), /Set ca_cert_file \(or LITELLM_CA_CERT_FILE\) to the PEM file/);
    assert.equal(emu.store.users.size, 0);
    assert.equal((await usersInState(ws)).length, 0);
  });

  it("insecure_skip_verify = true: apply and destroy", async () => {
    const ws = workspace({ insecure_skip_verify: true }, "tls-insecure@example.com");
    await ws.ok(["apply", "-auto-approve"]);
    assert.equal(emu.store.users.size, 1);
    await ws.ok(["destroy", "-auto-approve"]);
    assert.equal(emu.store.users.size, 0);
  });

  it("a ca_cert_file that cannot be read is named in the error", async () => {
    const ws = workspace({ ca_cert_file: path.join(dir, "missing.pem") }, "tls-missing@example.com");
    const r = await ws.ok(["apply", "-auto-approve", "-no-color"], 1);
    assert.match(r.stderr, /Cannot Read ca_cert_file/);
    assert.match(r.stderr, /missing\.pem/);
    recordScenario({
      id: "4.1",
      scenario: "https to LiteLLM with a private CA",
      faults: "emulator serves a certificate from a CA made in the test",
      outcome:
        "ca_cert_file: apply/plan/destroy work; without it: refused at once, error names ca_cert_file; insecure_skip_verify works; wrong host, expired certificate, http-vs-https each explained",
      lost: emu.store.users.size,
    });
  });
});
