// Shared helpers for the cdktf tests: temp dirs, an isolated terraform environment,
// running the example app, a filesystem mirror of the built provider, and the emulator.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import type { TestContext } from "node:test";

export const root = path.resolve(__dirname, "..", "..");
export const exampleDir = path.join(root, "examples", "cdktf");
export const stackName = "litellm-users";
import { PROVIDER_SOURCE as providerSource } from "../../provider/cli/distribution/provider-address";
export { providerSource };
export const providerBinary = path.join(root, "dist", "provider", "terraform-provider-litellm");
export const tsxCli = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
export const cdktfCli = path.join(root, "node_modules", "cdktf-cli", "bundle", "bin", "cdktf");
const cdktnBundle = path.join(root, "node_modules", "cdktn-cli", "bundle", "bin", "cdktn.js");
/** Node arguments that run cdktn-cli (on Node 20 with the shim cdktn-cli-on-node20.cjs explains). */
export const cdktnCli = ["--require", path.join(__dirname, "cdktn-cli-on-node20.cjs"), cdktnBundle];

export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }).version;
}

export function tempDir(t: TestContext, prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `litellm-cdktf-${prefix}-`));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Environment for terraform and cdktf that touches nothing outside `dir`: its own CLI config
 * (optionally installing litellm-tf/* from `mirror` only), its own HOME, no checkpoint calls,
 * no plugin cache in the real home.
 */
export function isolatedEnv(dir: string, mirror?: string): NodeJS.ProcessEnv {
  const cliConfig = path.join(dir, "terraform.rc");
  const installation = mirror
    ? `provider_installation {
  filesystem_mirror {
    path    = ${JSON.stringify(mirror)}
    include = ["registry.terraform.io/litellm-tf/*"]
  }
  direct {
    exclude = ["registry.terraform.io/litellm-tf/*"]
  }
}
`
    : "";
  fs.writeFileSync(cliConfig, `disable_checkpoint = true\n${installation}`);
  const home = path.join(dir, "home");
  fs.mkdirSync(home, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name.startsWith("TF_") || name.startsWith("LITELLM_") || name.startsWith("CDKTF_") || name.startsWith("CDKTN_")) delete env[name];
  }
  return {
    ...env,
    HOME: home,
    CHECKPOINT_DISABLE: "1",
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: "1",
    CDKTF_DISABLE_PLUGIN_CACHE_ENV: "1",
    DISABLE_VERSION_CHECK: "1",
    CI: "1",
  };
}

/** `<mirror>/registry.terraform.io/litellm-tf/litellm/<version>/linux_amd64/terraform-provider-litellm`. */
export function makeProviderMirror(dir: string): string {
  if (!fs.existsSync(providerBinary)) {
    throw new Error(`${path.relative(root, providerBinary)} is missing: run npm run build first`);
  }
  const mirror = path.join(dir, "mirror");
  const platformDir = path.join(mirror, providerSource, packageVersion(), "linux_amd64");
  fs.mkdirSync(platformDir, { recursive: true });
  const target = path.join(platformDir, "terraform-provider-litellm");
  fs.copyFileSync(providerBinary, target);
  fs.chmodSync(target, 0o755);
  return mirror;
}

export type RunResult = { code: number | null; stdout: string; stderr: string };

export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export function describeRun(what: string, result: RunResult): string {
  return `${what} exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
}

export async function terraform(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return run("terraform", [...args, "-no-color"], { cwd, env });
}

/**
 * Runs examples/cdktf/main.ts the way `cdktf synth` does (CDKTF_OUTDIR set), with `cwd`
 * as the working directory, so the stack's local backend (state file) lands under `cwd`.
 */
export async function synthExample(cwd: string, env: NodeJS.ProcessEnv): Promise<{ stackDir: string; config: CdkTfJson }> {
  const outDir = path.join(cwd, "cdktf.out");
  const result = await run(process.execPath, [tsxCli, path.join(exampleDir, "main.ts")], {
    cwd,
    env: { ...env, CDKTF_OUTDIR: outDir },
  });
  if (result.code !== 0) throw new Error(describeRun("example app", result));
  const stackDir = path.join(outDir, "stacks", stackName);
  return { stackDir, config: readStack(stackDir) };
}

export type CdkTfJson = {
  terraform: {
    required_providers: Record<string, { source: string; version?: string }>;
    backend?: { local?: { path: string } };
  };
  provider: Record<string, Array<Record<string, unknown>>>;
  resource: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, { value: string; sensitive?: boolean }>;
  variable?: Record<string, Record<string, unknown>>;
  import?: Array<{ id: string; to: string }>;
};

export function readStack(stackDir: string): CdkTfJson {
  return JSON.parse(fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8")) as CdkTfJson;
}

export type Emulator = { url: string; masterKey: string };

/** Starts `node dist/cli.js emulator --port 0`; its first stdout line is the URL. */
export async function startEmulator(t: TestContext): Promise<Emulator> {
  const cli = path.join(root, "dist", "cli.js");
  if (!fs.existsSync(cli)) throw new Error("dist/cli.js is missing: run npm run build first");
  const masterKey = `sk-cdktf-test-${Math.random().toString(36).slice(2)}`;
  const child: ChildProcess = spawn(process.execPath, [cli, "emulator", "--port", "0", "--master-key", masterKey], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  t.after(() => {
    child.kill();
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once("line", (line) => resolve(line.trim()));
    child.once("exit", (code) => reject(new Error(`emulator exited ${code} before printing its URL\n${stderr}`)));
    child.once("error", reject);
  });
  if (!/^https?:\/\//.test(url)) throw new Error(`emulator printed ${JSON.stringify(url)} instead of a URL`);
  return { url, masterKey };
}

export async function litellm(emulator: Emulator, method: "GET" | "POST", route: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(new URL(route, emulator.url), {
    method,
    headers: { authorization: `Bearer ${emulator.masterKey}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

/** Terraform state as `terraform show -json` prints it: resource address → attribute values. */
export async function stateResources(stackDir: string, env: NodeJS.ProcessEnv): Promise<Map<string, Record<string, any>>> {
  const shown = await terraform(["show", "-json"], stackDir, env);
  if (shown.code !== 0) throw new Error(describeRun("terraform show -json", shown));
  const state = JSON.parse(shown.stdout) as { values?: { root_module?: { resources?: Array<{ address: string; values: Record<string, any> }> } } };
  return new Map((state.values?.root_module?.resources ?? []).map((r) => [r.address, r.values]));
}
