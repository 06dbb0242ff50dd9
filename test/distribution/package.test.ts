// `litellm-tf package`: the release zip works as a packed mirror entry, its SHA256SUMS line matches,
// and the mirror/ directory works as a network mirror over HTTPS. All lock the same h1 as `install`.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { emulatorState, startTestEmulator, type TestEmulator } from "../support/emulator";
import { serveMirror } from "./https-mirror-server";
import { DEV_OVERRIDES_WARNING, packageVersion, platform, printedHash, providerRequirement, readLock, sandbox, userConfig } from "./support";

let emu: TestEmulator;
before(async () => {
  emu = await startTestEmulator();
});
after(async () => {
  await emu.close();
});

const zipName = `terraform-provider-litellm_${packageVersion}_${platform}.zip`;
const only = (source: string) => `provider_installation {
  ${source}
  direct {
    exclude = ["registry.terraform.io/litellm-tf/*"]
  }
}
`;

test("the release zip is a packed mirror entry, its SHA256SUMS line matches, and init locks install's h1", async (t) => {
  const sb = sandbox(t, { LITELLM_API_BASE: emu.url, LITELLM_API_KEY: emu.masterKey });
  const out = path.join(sb.dir, "release");
  await sb.cli(["package", "--out", out]);
  const unpackedHash = printedHash((await sb.cli(["install", "--dir", path.join(sb.dir, "unpacked")])).stdout);

  const zip = fs.readFileSync(path.join(out, zipName));
  const sums = fs.readFileSync(path.join(out, `terraform-provider-litellm_${packageVersion}_SHA256SUMS`), "utf8");
  const line = sums.split("\n").find((l) => l.endsWith(`  ${zipName}`));
  assert.equal(line, `${createHash("sha256").update(zip).digest("hex")}  ${zipName}`);

  // HOST/NS/TYPE/terraform-provider-litellm_V_OS_ARCH.zip, nothing else.
  const packed = path.join(sb.dir, "packed");
  const entryDir = path.join(packed, "registry.terraform.io", "litellm-tf", "litellm");
  fs.mkdirSync(entryDir, { recursive: true });
  fs.copyFileSync(path.join(out, zipName), path.join(entryDir, zipName));
  fs.writeFileSync(sb.cliConfig, only(`filesystem_mirror {\n    path = ${JSON.stringify(packed)}\n  }`));

  const ws = sb.workspace("ws", userConfig("dist-package@example.com"));
  const init = await sb.terraform(["init"], ws);
  assert.match(init.stdout, /Installed litellm-tf\/litellm v/);
  assert.deepEqual(readLock(ws), { version: packageVersion, hashes: [unpackedHash] }, "the zip's h1 equals the unpacked install's");
  const extracted = path.join(ws, ".terraform", "providers", "registry.terraform.io", "litellm-tf", "litellm", packageVersion, platform, `terraform-provider-litellm_v${packageVersion}`);
  assert.equal(fs.statSync(extracted).mode & 0o111, 0o111, "the executable bit survived extraction");

  // The extracted script runs: create, no-op plan, destroy.
  const outputs = [init, await sb.terraform(["apply", "-auto-approve"], ws)];
  assert.equal((await emulatorState(emu)).users.length, 1);
  outputs.push(await sb.terraform(["plan", "-detailed-exitcode"], ws, 0), await sb.terraform(["destroy", "-auto-approve"], ws));
  assert.equal((await emulatorState(emu)).users.length, 0);
  for (const r of outputs) assert.doesNotMatch(r.stdout + r.stderr, DEV_OVERRIDES_WARNING);
});

test("mirror/ served over HTTPS is a network mirror Terraform verifies against", async (t) => {
  const sb = sandbox(t);
  const out = path.join(sb.dir, "release");
  const packaged = await sb.cli(["package", "--out", out]);
  const hash = /lock file hash (h1:\S+)\)/.exec(packaged.stdout)?.[1];
  assert.ok(hash, packaged.stdout);

  const server = await serveMirror(path.join(out, "mirror"), sb.dir);
  t.after(() => server.close());
  sb.env.SSL_CERT_FILE = server.certFile;
  fs.writeFileSync(sb.cliConfig, only(`network_mirror {\n    url = ${JSON.stringify(server.url)}\n  }`));

  const ws = sb.workspace("ws", providerRequirement());
  const init = await sb.terraform(["init"], ws);
  assert.match(init.stdout, /Installed litellm-tf\/litellm v\S+ \(verified checksum\)/);
  assert.deepEqual(readLock(ws), { version: packageVersion, hashes: [hash] });
  assert.deepEqual(server.requests.filter((r) => r.startsWith("GET")), [
    "GET /registry.terraform.io/litellm-tf/litellm/index.json",
    `GET /registry.terraform.io/litellm-tf/litellm/${packageVersion}.json`,
    `GET /registry.terraform.io/litellm-tf/litellm/${zipName}`,
  ]);
  await sb.terraform(["providers", "schema", "-json"], ws);
});
