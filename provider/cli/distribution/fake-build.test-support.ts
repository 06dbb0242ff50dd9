// A stand-in litellm-tf package for unit tests: package.json plus dist/provider/terraform-provider-litellm.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestContext } from "node:test";
import { locateProviderBuild, type ProviderBuild } from "./package-root";

export function tempDir(t: TestContext, prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `litellm-tf-${prefix}-`));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function fakeBuild(t: TestContext, version: string, body = `console.log("provider ${version}");\n`): ProviderBuild {
  const root = tempDir(t, "pkg");
  fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ name: "litellm-tf", version }));
  fs.mkdirSync(path.join(root, "dist", "provider"), { recursive: true });
  fs.writeFileSync(path.join(root, "dist", "provider", "terraform-provider-litellm"), `#!/usr/bin/env node\n${body}`, { mode: 0o755 });
  return locateProviderBuild(root);
}
