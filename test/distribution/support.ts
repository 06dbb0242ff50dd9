// Helpers for the distribution tests: a sandbox whose HOME and CLI config are temp files (so nothing
// touches the real ~/.terraform.d or the machine's default CLI config), the built CLI, lock-file reading,
// and a copy of the package with a rebuilt provider under another version.
import { build } from "esbuild";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestContext } from "node:test";
import { terraformPlatform } from "../../provider/cli/distribution/platforms";
import { repoRoot, run, type RunResult } from "../support/terraform";

export const cliJs = path.join(repoRoot, "dist", "cli.js");
export const bundle = path.join(repoRoot, "dist", "provider", "terraform-provider-litellm");
export const packageVersion = (JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string }).version;
/** Terraform's name for this machine, for example linux_amd64. */
export const platform = terraformPlatform();
export const DEV_OVERRIDES_WARNING = /Provider development overrides are in effect/i;

export function assertBuilt(): void {
  for (const file of [cliJs, bundle]) {
    if (!fs.existsSync(file)) throw new Error(`${path.relative(repoRoot, file)} is missing: run \`npm run build\` first (npm test does).`);
  }
}

export function tempDir(t: TestContext, prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `litellm-tf-dist-${prefix}-`));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface Sandbox {
  dir: string;
  home: string;
  /** The CLI config file terraform reads (TF_CLI_CONFIG_FILE); empty unless written. */
  cliConfig: string;
  env: NodeJS.ProcessEnv;
  /** A configuration directory holding main.tf. */
  workspace(name: string, mainTf: string): string;
  terraform(args: string[], cwd: string, expectedCode?: number): Promise<RunResult>;
  /** The package snapshot the sandbox's CLI installs from (see sandbox()). */
  packageRoot: string;
  /** Runs a litellm-tf CLI (default: the sandbox's snapshot of the built package). */
  cli(args: string[], options?: { cli?: string; expectedCode?: number }): Promise<RunResult>;
}

export function sandbox(t: TestContext, extraEnv: NodeJS.ProcessEnv = {}): Sandbox {
  assertBuilt();
  const dir = tempDir(t, "sandbox");
  const home = path.join(dir, "home");
  fs.mkdirSync(home);
  // A snapshot of the built package, so a rebuild of dist/ by someone else mid-test cannot change
  // the provider between two installs of one test.
  const snapshot = snapshotPackage(path.join(dir, "package"));
  const cliConfig = path.join(dir, "terraform.rc");
  fs.writeFileSync(cliConfig, "");
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith("TF_") || name.startsWith("LITELLM_") || name === "XDG_DATA_HOME" || name === "XDG_DATA_DIRS") delete env[name];
  }
  Object.assign(env, { HOME: home, CHECKPOINT_DISABLE: "1", TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: "1", TF_INPUT: "0" }, extraEnv);

  const expect = (what: string, r: RunResult, code: number) => {
    if (r.code !== code) throw new Error(`${what} exited ${r.code}, expected ${code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
    return r;
  };
  return {
    dir,
    home,
    cliConfig,
    packageRoot: snapshot.root,
    env,
    workspace(name, mainTf) {
      const ws = path.join(dir, name);
      fs.mkdirSync(ws, { recursive: true });
      fs.writeFileSync(path.join(ws, "main.tf"), mainTf);
      return ws;
    },
    async terraform(args, cwd, expectedCode = 0) {
      return expect(`terraform ${args.join(" ")}`, await run("terraform", [...args, "-no-color"], cwd, env), expectedCode);
    },
    async cli(args, options = {}) {
      const r = await run(process.execPath, [options.cli ?? snapshot.cli, ...args], dir, env);
      return expect(`litellm-tf ${args.join(" ")}`, r, options.expectedCode ?? 0);
    },
  };
}

export const providerRequirement = (version?: string) => `terraform {
  required_providers {
    litellm = {
      source = "litellm-tf/litellm"${version ? `\n      version = "${version}"` : ""}
    }
  }
}

provider "litellm" {}
`;

export const userConfig = (email: string) => `${providerRequirement()}
resource "litellm_user" "dist" {
  user_email = "${email}"
  user_role  = "user"
  max_budget = 5
}
`;

export interface LockEntry {
  version: string;
  hashes: string[];
}

/** This provider's entry in a workspace's .terraform.lock.hcl. */
export function readLock(workspace: string): LockEntry {
  const text = fs.readFileSync(path.join(workspace, ".terraform.lock.hcl"), "utf8");
  const block = /provider "registry\.terraform\.io\/litellm-tf\/litellm" \{([\s\S]*?)\n\}/.exec(text)?.[1];
  if (!block) throw new Error(`no litellm-tf/litellm entry in the lock file:\n${text}`);
  const version = /\bversion\s*=\s*"([^"]+)"/.exec(block)?.[1] ?? "";
  const hashes = [...(/hashes\s*=\s*\[([\s\S]*?)\]/.exec(block)?.[1] ?? "").matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  return { version, hashes };
}

/** The "lock file hash: h1:…" line `litellm-tf install` prints. */
export function printedHash(installOutput: string): string {
  const hash = /lock file hash: (h1:\S+)/.exec(installOutput)?.[1];
  if (!hash) throw new Error(`install printed no hash:\n${installOutput}`);
  return hash;
}

/**
 * Bundles provider/main.ts as the build does, with package.json's version replaced: a genuinely
 * rebuilt provider whose bytes (its User-Agent carries the version) differ from dist's.
 */
export async function buildProvider(version: string, extraFooter = ""): Promise<Buffer> {
  const manifest = path.join(repoRoot, "package.json");
  const result = await build({
    entryPoints: [path.join(repoRoot, "provider", "main.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
    banner: { js: "#!/usr/bin/env node" },
    footer: { js: extraFooter },
    write: false,
    plugins: [
      {
        name: "package-version",
        setup(b) {
          b.onLoad({ filter: /package\.json$/ }, (args) => {
            if (args.path !== manifest) return undefined;
            const pkg = JSON.parse(fs.readFileSync(manifest, "utf8")) as Record<string, unknown>;
            return { contents: JSON.stringify({ ...pkg, version }), loader: "json" };
          });
        },
      },
    ],
  });
  return Buffer.from(result.outputFiles[0]!.contents);
}

/** A litellm-tf package in a temp dir: package.json at `version`, the built CLI, and `provider` as its bundle. */
export function packageCopy(t: TestContext, version: string, provider: Buffer): { root: string; cli: string } {
  return writePackage(tempDir(t, `pkg-${version}`), version, provider);
}

function snapshotPackage(root: string): { root: string; cli: string } {
  fs.mkdirSync(root);
  return writePackage(root, packageVersion, fs.readFileSync(bundle));
}

function writePackage(root: string, version: string, provider: Buffer): { root: string; cli: string } {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as Record<string, unknown>;
  fs.writeFileSync(path.join(root, "package.json"), JSON.stringify({ ...pkg, version }, null, 2));
  fs.mkdirSync(path.join(root, "dist", "provider"), { recursive: true });
  fs.copyFileSync(cliJs, path.join(root, "dist", "cli.js"));
  fs.writeFileSync(path.join(root, "dist", "provider", "terraform-provider-litellm"), provider, { mode: 0o755 });
  return { root, cli: path.join(root, "dist", "cli.js") };
}
