// A rebuilt provider under a new version reaches existing configurations through `init -upgrade`;
// until then their lock files keep them on the version they locked.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { emulatorState, startTestEmulator, type TestEmulator } from "../support/emulator";
import { DEV_OVERRIDES_WARNING, buildProvider, packageCopy, packageVersion, printedHash, readLock, sandbox, userConfig } from "./support";

let emu: TestEmulator;
before(async () => {
  emu = await startTestEmulator();
});
after(async () => {
  await emu.close();
});

/** The next patch version after package.json's. */
function nextVersion(version: string): string {
  const [major, minor, patch] = version.split(/[.-]/).map(Number);
  return `${major}.${minor}.${patch! + 1}`;
}

test("building the same source twice gives the same bytes, so the same h1", async () => {
  const [a, b] = await Promise.all([buildProvider("9.9.9"), buildProvider("9.9.9")]);
  assert.ok(a.equals(b));
  assert.ok(!a.equals(await buildProvider("9.9.10")), "the version is part of the bundle (User-Agent)");
});

test("init -upgrade moves a configuration to a newer installed build; plain init keeps the locked one", async (t) => {
  const sb = sandbox(t, { LITELLM_API_BASE: emu.url, LITELLM_API_KEY: emu.masterKey });
  const first = await sb.cli(["install"]);
  const ws = sb.workspace("ws", userConfig("dist-upgrade@example.com"));
  await sb.terraform(["init"], ws);
  await sb.terraform(["apply", "-auto-approve"], ws);
  assert.deepEqual(readLock(ws), { version: packageVersion, hashes: [printedHash(first.stdout)] });

  const next = nextVersion(packageVersion);
  const rebuilt = packageCopy(t, next, await buildProvider(next));
  const second = await sb.cli(["install"], { cli: rebuilt.cli });
  assert.match(second.stdout, new RegExp(`Installed: registry\\.terraform\\.io/litellm-tf/litellm ${next.replace(/\./g, "\\.")}`));
  assert.notEqual(printedHash(second.stdout), printedHash(first.stdout));

  await sb.terraform(["init"], ws);
  assert.equal(readLock(ws).version, packageVersion, "without -upgrade the lock file holds");

  const upgrade = await sb.terraform(["init", "-upgrade"], ws);
  assert.match(upgrade.stdout, new RegExp(`Installed litellm-tf/litellm v${next.replace(/\./g, "\\.")}`));
  assert.deepEqual(readLock(ws), { version: next, hashes: [printedHash(second.stdout)] });
  const version = await sb.terraform(["version"], ws);
  assert.match(version.stdout, new RegExp(`provider registry\\.terraform\\.io/litellm-tf/litellm v${next.replace(/\./g, "\\.")}\\n`));
  const linked = path.join(ws, ".terraform", "providers", "registry.terraform.io", "litellm-tf", "litellm", next);
  assert.ok(fs.existsSync(linked));

  // The upgraded provider reads the state the old one wrote: no changes, then a clean destroy.
  const plan = await sb.terraform(["plan", "-detailed-exitcode"], ws, 0);
  const destroy = await sb.terraform(["destroy", "-auto-approve"], ws);
  assert.equal((await emulatorState(emu)).users.length, 0);
  for (const r of [upgrade, plan, destroy]) assert.doesNotMatch(r.stdout + r.stderr, DEV_OVERRIDES_WARNING);
});
