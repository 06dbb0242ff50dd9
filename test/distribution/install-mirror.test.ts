// `litellm-tf install` then plain `terraform init`, as a LiteLLM admin would: no dev_overrides anywhere,
// a lock file with h1 hashes, a clean checkout that inits from that lock file, and a real apply/plan/destroy.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { emulatorState, startTestEmulator, type TestEmulator } from "../support/emulator";
import { DEV_OVERRIDES_WARNING, buildProvider, packageCopy, packageVersion, platform, printedHash, providerRequirement, readLock, sandbox, userConfig } from "./support";

let emu: TestEmulator;
before(async () => {
  emu = await startTestEmulator();
});
after(async () => {
  await emu.close();
});

test("install into the implied mirror; init locks h1; a clean checkout inits from the lock; apply, plan, destroy", async (t) => {
  const sb = sandbox(t);
  const env = { LITELLM_API_BASE: emu.url, LITELLM_API_KEY: emu.masterKey };
  Object.assign(sb.env, env);

  const install = await sb.cli(["install"]);
  const hash = printedHash(install.stdout);
  assert.match(install.stdout, /without any CLI configuration/);
  assert.doesNotMatch(install.stdout, /provider_installation/, "no CLI config needed for the implied mirror");
  const installed = path.join(sb.home, ".terraform.d", "plugins", "registry.terraform.io", "litellm-tf", "litellm", packageVersion, platform);
  assert.deepEqual(fs.readdirSync(installed), [`terraform-provider-litellm_v${packageVersion}`]);

  const first = sb.workspace("first", userConfig("dist-install@example.com"));
  const init = await sb.terraform(["init"], first);
  assert.match(init.stdout, new RegExp(`Installed litellm-tf/litellm v${packageVersion.replace(/\./g, "\\.")}`));
  const lock = readLock(first);
  assert.equal(lock.version, packageVersion);
  assert.deepEqual(lock.hashes, [hash], "terraform recorded the hash install printed");
  assert.equal(fs.realpathSync(path.join(first, ".terraform", "providers", "registry.terraform.io", "litellm-tf", "litellm", packageVersion, platform)), installed);

  // A clean checkout: only main.tf and the committed lock file.
  const lockText = fs.readFileSync(path.join(first, ".terraform.lock.hcl"), "utf8");
  const checkout = sb.workspace("checkout", userConfig("dist-install@example.com"));
  fs.writeFileSync(path.join(checkout, ".terraform.lock.hcl"), lockText);
  const outputs = [init, await sb.terraform(["init"], checkout)];
  assert.equal(fs.readFileSync(path.join(checkout, ".terraform.lock.hcl"), "utf8"), lockText, "init kept the lock file as it was");

  outputs.push(await sb.terraform(["apply", "-auto-approve"], checkout));
  const { users } = await emulatorState(emu);
  assert.deepEqual(users.map((u) => u.user_email), ["dist-install@example.com"]);
  outputs.push(await sb.terraform(["plan", "-detailed-exitcode"], checkout, 0));

  // Re-installing the same build changes nothing, so the lock file still matches.
  const again = await sb.cli(["install"]);
  assert.match(again.stdout, /Already installed \(same build\)/);
  assert.equal(printedHash(again.stdout), hash);
  outputs.push(await sb.terraform(["plan", "-detailed-exitcode"], checkout, 0));

  outputs.push(await sb.terraform(["destroy", "-auto-approve"], checkout));
  assert.equal((await emulatorState(emu)).users.length, 0);
  for (const r of outputs) assert.doesNotMatch(r.stdout + r.stderr, DEV_OVERRIDES_WARNING);
});

test("install --dir prints a CLI config block that init uses; one h1 locks every platform", async (t) => {
  const sb = sandbox(t);
  const mirror = path.join(sb.dir, "shared-mirror");
  const install = await sb.cli(["install", "--dir", mirror, "--platform", "all"]);
  const block = /^provider_installation \{[\s\S]*?^\}$/m.exec(install.stdout)?.[0];
  assert.ok(block, `install printed no provider_installation block:\n${install.stdout}`);
  assert.ok(block.includes(JSON.stringify(mirror)));
  fs.writeFileSync(sb.cliConfig, `${block}\n`);
  const hash = printedHash(install.stdout);

  // A team on macOS and Linux: lock all four platforms from the mirror. The bundle is the same
  // script everywhere, so every platform has the same single h1.
  const ws = sb.workspace("ws", providerRequirement());
  const platforms = ["linux_amd64", "linux_arm64", "darwin_amd64", "darwin_arm64"];
  await sb.terraform(["providers", "lock", `-fs-mirror=${mirror}`, ...platforms.map((p) => `-platform=${p}`)], ws);
  assert.deepEqual(readLock(ws), { version: packageVersion, hashes: [hash] });

  const init = await sb.terraform(["init"], ws);
  assert.match(init.stdout, /Installed litellm-tf\/litellm/);
  assert.doesNotMatch(init.stdout + init.stderr, /Warning/, "with every platform locked, init has nothing to warn about");
  assert.deepEqual(readLock(ws), { version: packageVersion, hashes: [hash] });
  assert.ok(!fs.existsSync(path.join(sb.home, ".terraform.d")), "nothing was written to the implied mirror");
});

test("a different build of the same version is refused; forced in, it no longer matches existing lock files", async (t) => {
  const sb = sandbox(t);
  const original = await sb.cli(["install"]);
  const ws = sb.workspace("ws", providerRequirement());
  await sb.terraform(["init"], ws);
  assert.deepEqual(readLock(ws).hashes, [printedHash(original.stdout)]);

  const rebuilt = packageCopy(t, packageVersion, await buildProvider(packageVersion, "// another build\n"));
  const refused = await sb.cli(["install"], { cli: rebuilt.cli, expectedCode: 1 });
  assert.match(refused.stderr, /holds a different build of .*--force/s);
  await sb.terraform(["providers", "schema", "-json"], ws); // still the locked build

  const forced = await sb.cli(["install", "--force"], { cli: rebuilt.cli });
  assert.match(forced.stdout, /Replaced a different build/);
  assert.notEqual(printedHash(forced.stdout), printedHash(original.stdout));
  const fresh = sb.workspace("fresh", providerRequirement());
  fs.copyFileSync(path.join(ws, ".terraform.lock.hcl"), path.join(fresh, ".terraform.lock.hcl"));
  const broken = await sb.terraform(["init"], fresh, 1);
  assert.match(broken.stdout + broken.stderr, /checksums/);
});
