import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { packageHashH1 } from "./h1-hash";
import { DifferentBuildInstalledError, existingPackageHash, installProvider, versionDir } from "./install-provider";
import { fakeBuild, tempDir } from "./fake-build.test-support";

test("lays out the unpacked mirror layout with an executable copy of the bundle", (t) => {
  const build = fakeBuild(t, "1.2.3");
  const mirrorDir = tempDir(t, "mirror");
  const result = installProvider({ build, mirrorDir, platforms: ["linux_amd64"] });

  const dir = path.join(mirrorDir, "registry.terraform.io", "litellm-tf", "litellm", "1.2.3", "linux_amd64");
  assert.deepEqual(fs.readdirSync(dir), ["terraform-provider-litellm_v1.2.3"]);
  const file = path.join(dir, "terraform-provider-litellm_v1.2.3");
  assert.ok(fs.readFileSync(file).equals(fs.readFileSync(build.executable)), "same bytes as the bundle");
  assert.ok(!fs.lstatSync(file).isSymbolicLink());
  assert.equal(fs.statSync(file).mode & 0o777, 0o755);
  assert.equal(result.platforms[0]!.status, "installed");
  assert.equal(result.hash, packageHashH1([{ name: "terraform-provider-litellm_v1.2.3", data: fs.readFileSync(build.executable) }]));
  assert.equal(existingPackageHash(dir), result.hash);
  assert.deepEqual(fs.readdirSync(versionDir(mirrorDir, "1.2.3")), ["linux_amd64"], "no staging directory left behind");
});

test("re-installing the same build changes nothing", (t) => {
  const build = fakeBuild(t, "1.2.3");
  const mirrorDir = tempDir(t, "mirror");
  const first = installProvider({ build, mirrorDir, platforms: ["linux_amd64"] });
  const file = first.platforms[0]!.executable;
  const before = fs.statSync(file);
  const second = installProvider({ build, mirrorDir, platforms: ["linux_amd64"] });
  assert.equal(second.platforms[0]!.status, "unchanged");
  assert.equal(second.hash, first.hash);
  assert.equal(fs.statSync(file).ino, before.ino, "the file was not rewritten");
});

test("a different build of the same version is refused, and the mirror is left alone", (t) => {
  const mirrorDir = tempDir(t, "mirror");
  const old = installProvider({ build: fakeBuild(t, "1.2.3", "old();\n"), mirrorDir, platforms: ["linux_amd64"] });
  const rebuilt = fakeBuild(t, "1.2.3", "new();\n");
  assert.throws(
    () => installProvider({ build: rebuilt, mirrorDir, platforms: ["linux_arm64", "linux_amd64"] }),
    (e: unknown) => e instanceof DifferentBuildInstalledError && e.message.includes(old.hash) && /--force/.test(e.message),
  );
  assert.equal(existingPackageHash(old.platforms[0]!.dir), old.hash);
  assert.ok(!fs.existsSync(path.join(versionDir(mirrorDir, "1.2.3"), "linux_arm64")), "nothing written for any platform");
});

test("--force replaces a different build and reports the hash it removed", (t) => {
  const mirrorDir = tempDir(t, "mirror");
  const old = installProvider({ build: fakeBuild(t, "1.2.3", "old();\n"), mirrorDir, platforms: ["linux_amd64"] });
  // A stray file from a hand-made layout also makes the directory a different package.
  fs.writeFileSync(path.join(old.platforms[0]!.dir, "terraform-provider-litellm"), "stray");
  const strayHash = existingPackageHash(old.platforms[0]!.dir);
  const result = installProvider({ build: fakeBuild(t, "1.2.3", "new();\n"), mirrorDir, platforms: ["linux_amd64"], force: true });
  assert.equal(result.platforms[0]!.status, "replaced");
  assert.equal(result.platforms[0]!.previousHash, strayHash);
  assert.deepEqual(fs.readdirSync(result.platforms[0]!.dir), ["terraform-provider-litellm_v1.2.3"]);
  assert.equal(existingPackageHash(result.platforms[0]!.dir), result.hash);
  assert.deepEqual(fs.readdirSync(versionDir(mirrorDir, "1.2.3")), ["linux_amd64"]);
});

test("several platforms get the same bytes; Windows is refused with advice", (t) => {
  const build = fakeBuild(t, "2.0.0");
  const mirrorDir = tempDir(t, "mirror");
  const result = installProvider({ build, mirrorDir, platforms: ["darwin_arm64", "linux_amd64", "darwin_arm64"] });
  assert.deepEqual(result.platforms.map((p) => p.platform), ["darwin_arm64", "linux_amd64"]);
  assert.ok(result.platforms.every((p) => existingPackageHash(p.dir) === result.hash));
  assert.throws(() => installProvider({ build, mirrorDir, platforms: ["windows_amd64"] }), /\.exe.*WSL/s);
  assert.throws(() => installProvider({ build, mirrorDir, platforms: ["plan9_amd64"] }), /unsupported platform/);
});

test("versions installed side by side stay separate", (t) => {
  const mirrorDir = tempDir(t, "mirror");
  const a = installProvider({ build: fakeBuild(t, "1.0.0"), mirrorDir, platforms: ["linux_amd64"] });
  const b = installProvider({ build: fakeBuild(t, "1.1.0"), mirrorDir, platforms: ["linux_amd64"] });
  assert.notEqual(a.hash, b.hash);
  assert.deepEqual(fs.readdirSync(path.join(mirrorDir, "registry.terraform.io", "litellm-tf", "litellm")).sort(), ["1.0.0", "1.1.0"]);
  assert.equal(existingPackageHash(a.platforms[0]!.dir), a.hash);
});
