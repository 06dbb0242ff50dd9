// The provider executable stays one self-contained, byte-deterministic file: lock files record its hash,
// and `terraform init` from a mirror copies the directory that holds it.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

const root = path.resolve(__dirname, "..", "..");

test("two builds of the provider are byte-identical, ASCII, and need no file beside them", async () => {
  const { buildProviderExecutable } = (await import(pathToFileURL(path.join(root, "scripts", "build-provider.mjs")).href)) as {
    buildProviderExecutable(root: string): Promise<string>;
  };
  const [a, b] = [await buildProviderExecutable(root), await buildProviderExecutable(root)];
  assert.equal(a, b, "the build is not deterministic");
  assert.match(a, /^#!\/usr\/bin\/env node\n/);
  assert.doesNotMatch(a, /[^\x00-\x7f]/);
  // Everything it loads is Node's own or embedded: no paths to node_modules or the source tree.
  assert.doesNotMatch(a, /require\("(\.|\/)[^"]*"\)/);
  assert.doesNotMatch(a, /node_modules\//);
});

test("dist/provider holds exactly one file, the executable", () => {
  const dir = path.join(root, "dist", "provider");
  assert.deepEqual(fs.readdirSync(dir).filter((f) => !f.endsWith(".tmp")), ["terraform-provider-litellm"]);
  assert.ok(fs.statSync(path.join(dir, "terraform-provider-litellm")).mode & 0o111, "executable");
});
