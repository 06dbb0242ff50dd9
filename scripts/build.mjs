// Builds the provider executable and the CLI as self-contained bundles in dist/.
import { build } from "esbuild";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dist = path.join(root, "dist");
fs.rmSync(dist, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: false,
  legalComments: "none",
  logLevel: "warning",
  banner: { js: "#!/usr/bin/env node" },
};

const providerFile = path.join(dist, "provider", "terraform-provider-litellm");
await build({ ...common, entryPoints: [path.join(root, "provider/main.ts")], outfile: providerFile, minify: true });
await build({ ...common, entryPoints: [path.join(root, "provider/cli/main.ts")], outfile: path.join(dist, "cli.js") });
fs.chmodSync(providerFile, 0o755);
fs.chmodSync(path.join(dist, "cli.js"), 0o755);

// CDKTF constructs: compile the generated schema/cdktf/ into dist/cdktf/ (the "./cdktf" export).
const { buildCdktf } = await import("./build-cdktf.mjs");
buildCdktf(path.join(dist, "cdktf"));
