// Runs the real terraform binary against the built provider: a temp workspace, a CLI config of its own with
// dev_overrides, and the emulator's URL and master key in the environment.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { devOverridesBlock, unattendedTerraformEnv } from "../../provider/cli/distribution/cli-config";

export const repoRoot = path.resolve(__dirname, "..", "..");
export const providerDir = path.join(repoRoot, "dist", "provider");
import { PROVIDER_SOURCE as providerSource } from "../../provider/cli/distribution/provider-address";
export { providerSource };

export function assertProviderBuilt(): void {
  if (!fs.existsSync(path.join(providerDir, "terraform-provider-litellm"))) {
    throw new Error("dist/provider/terraform-provider-litellm is missing: run `npm run build` first (npm test does).");
  }
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Workspace {
  dir: string;
  env: NodeJS.ProcessEnv;
  write(files: Record<string, string>): void;
  terraform(args: string[], extraEnv?: NodeJS.ProcessEnv): Promise<RunResult>;
  /** Runs terraform and fails with its output when the exit code is not the expected one. */
  ok(args: string[], expectedCode?: number, extraEnv?: NodeJS.ProcessEnv): Promise<RunResult>;
  stateJson(): Promise<TerraformShow>;
  dispose(): void;
}

export interface TerraformShow {
  values?: { root_module?: { resources?: { address: string; type: string; values: Record<string, unknown>; sensitive_values?: Record<string, unknown> }[] } };
}

export interface WorkspaceOptions {
  apiBase: string;
  apiKey: string;
  files?: Record<string, string>;
  /** Extra environment for every terraform run. */
  env?: NodeJS.ProcessEnv;
}

export const providerBlock = `terraform {
  required_providers {
    litellm = {
      source = "litellm-tf/litellm"
    }
  }
}

provider "litellm" {}
`;

export function createWorkspace(opts: WorkspaceOptions): Workspace {
  assertProviderBuilt();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "litellm-tf-e2e-"));
  const cliConfig = path.join(dir, ".terraformrc");
  fs.writeFileSync(cliConfig, devOverridesBlock(providerDir));
  const env: NodeJS.ProcessEnv = {
    ...unattendedTerraformEnv(cliConfig, opts.apiBase, opts.apiKey),
    ...opts.env,
  };
  delete env.TF_LOG;
  delete env.TF_LOG_PROVIDER;
  const ws: Workspace = {
    dir,
    env,
    write(files) {
      for (const [name, text] of Object.entries(files)) {
        const file = path.join(dir, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
      }
    },
    terraform: (args, extraEnv) => run("terraform", args, dir, { ...env, ...extraEnv }),
    async ok(args, expectedCode = 0, extraEnv) {
      const r = await ws.terraform(args, extraEnv);
      if (r.code !== expectedCode) {
        throw new Error(`terraform ${args.join(" ")} exited ${r.code}, expected ${expectedCode}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
      }
      return r;
    },
    async stateJson() {
      const r = await ws.ok(["show", "-json"]);
      return JSON.parse(r.stdout) as TerraformShow;
    },
    dispose() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  if (opts.files) ws.write(opts.files);
  return ws;
}

export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The resource values in `terraform show -json` output, by address. */
export function resourcesByAddress(show: TerraformShow): Map<string, Record<string, unknown>> {
  return new Map((show.values?.root_module?.resources ?? []).map((r) => [r.address, r.values]));
}
