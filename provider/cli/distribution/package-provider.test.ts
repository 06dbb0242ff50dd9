import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { installProvider } from "./install-provider";
import { REGISTRY_MANIFEST, packageProvider } from "./package-provider";
import { fakeBuild, tempDir } from "./fake-build.test-support";

const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

test("writes a zip per platform, the manifest and SHA256SUMS that match the files", (t) => {
  const build = fakeBuild(t, "1.2.3");
  const out = tempDir(t, "release");
  const result = packageProvider({ build, outDir: out });

  assert.deepEqual(result.archives.map((a) => path.basename(a.file)), [
    "terraform-provider-litellm_1.2.3_darwin_amd64.zip",
    "terraform-provider-litellm_1.2.3_darwin_arm64.zip",
    "terraform-provider-litellm_1.2.3_linux_amd64.zip",
    "terraform-provider-litellm_1.2.3_linux_arm64.zip",
  ]);
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(out, "terraform-provider-litellm_1.2.3_manifest.json"), "utf8")), {
    version: 1,
    metadata: { protocol_versions: ["6.0"] },
  });
  assert.equal(fs.readFileSync(result.manifestFile, "utf8"), REGISTRY_MANIFEST);

  const sums = fs.readFileSync(path.join(out, "terraform-provider-litellm_1.2.3_SHA256SUMS"), "utf8");
  const lines = sums.trimEnd().split("\n");
  assert.equal(lines.length, 5);
  for (const line of lines) {
    const [hex, name] = line.split("  ");
    assert.equal(hex, sha256(path.join(out, name!)), name);
  }
  // The check `sha256sum -c` does, with another implementation.
  execFileSync("sha256sum", ["-c", "--quiet", "terraform-provider-litellm_1.2.3_SHA256SUMS"], { cwd: out });
});

test("the zip holds the executable under the name an unpacked install uses, so h1 hashes agree", (t) => {
  const build = fakeBuild(t, "1.2.3");
  const out = tempDir(t, "release");
  const result = packageProvider({ build, outDir: out, platforms: ["linux_amd64"] });
  const installed = installProvider({ build, mirrorDir: tempDir(t, "mirror"), platforms: ["linux_amd64"] });
  assert.equal(result.archives[0]!.h1, installed.hash);
  const listing = execFileSync("unzip", ["-Z1", result.archives[0]!.file], { encoding: "utf8" });
  assert.equal(listing, "terraform-provider-litellm_v1.2.3\n");
});

test("packaging again gives byte-identical artifacts", (t) => {
  const build = fakeBuild(t, "1.2.3");
  const a = tempDir(t, "release-a");
  const b = tempDir(t, "release-b");
  packageProvider({ build, outDir: a });
  packageProvider({ build, outDir: b });
  const files = fs.readdirSync(a, { recursive: true }).map(String).filter((f) => fs.statSync(path.join(a, f)).isFile()).sort();
  assert.ok(files.length >= 10);
  for (const f of files) assert.ok(fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f))), f);
});

test("the network mirror lists every version packaged into it", (t) => {
  const out = tempDir(t, "release");
  packageProvider({ build: fakeBuild(t, "1.10.0"), outDir: out, platforms: ["linux_amd64"] });
  const second = packageProvider({ build: fakeBuild(t, "1.9.0"), outDir: out, platforms: ["linux_amd64", "darwin_arm64"] });
  const dir = path.join(out, "mirror", "registry.terraform.io", "litellm-tf", "litellm");
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, "index.json"), "utf8")), { versions: { "1.9.0": {}, "1.10.0": {} } });
  assert.deepEqual(Object.keys(JSON.parse(fs.readFileSync(path.join(dir, "index.json"), "utf8")).versions), ["1.9.0", "1.10.0"]);

  const doc = JSON.parse(fs.readFileSync(path.join(dir, "1.9.0.json"), "utf8")) as { archives: Record<string, { url: string; hashes: string[] }> };
  assert.deepEqual(Object.keys(doc.archives).sort(), ["darwin_arm64", "linux_amd64"]);
  const linux = doc.archives.linux_amd64!;
  assert.equal(linux.url, "terraform-provider-litellm_1.9.0_linux_amd64.zip");
  assert.deepEqual(linux.hashes, [second.archives[1]!.h1, `zh:${sha256(path.join(dir, linux.url))}`]);
  assert.ok(fs.existsSync(path.join(dir, "1.10.0.json")), "the earlier version's document stays");
});

test("an index.json that is not JSON is not overwritten", (t) => {
  const out = tempDir(t, "release");
  const dir = path.join(out, "mirror", "registry.terraform.io", "litellm-tf", "litellm");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "index.json"), "{ not json");
  assert.throws(() => packageProvider({ build: fakeBuild(t, "1.0.0"), outDir: out }), /index\.json is not valid JSON/);
  assert.equal(fs.readFileSync(path.join(dir, "index.json"), "utf8"), "{ not json");
});
