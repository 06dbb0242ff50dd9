// Builds the provider executable and the CLI as self-contained bundles in dist/.
// Each file is written beside its target and renamed over it, so a terraform run or a test that uses dist/
// while another build runs never sees a missing or half-written executable.
import { build } from "esbuild";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dist = path.join(root, "dist");

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

async function bundle(entry, outfile, options = {}) {
  const result = await build({ ...common, ...options, entryPoints: [path.join(root, entry)], outfile, write: false });
  writeAtomically(outfile, result.outputFiles[0].contents);
}

function writeAtomically(outfile, contents) {
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  const temp = `${outfile}.${process.pid}.tmp`;
  fs.writeFileSync(temp, contents, { mode: 0o755 });
  fs.renameSync(temp, outfile);
}

// The provider: a launcher with the bundle embedded, compiled through a V8 code cache (scripts/build-provider.mjs).
const { buildProviderExecutable } = await import("./build-provider.mjs");
writeAtomically(path.join(dist, "provider", "terraform-provider-litellm"), await buildProviderExecutable(root));
await bundle("provider/cli/main.ts", path.join(dist, "cli.js"));

// CDK constructs: compile the generated schema/cdktf/ and schema/cdktn/ into dist/cdktf/ and dist/cdktn/
// (the "./cdktf" and "./cdktn" exports).
const { buildConstructs } = await import("./build-cdktf.mjs");
for (const kit of ["cdktf", "cdktn"]) buildConstructs(kit, path.join(dist, kit));
