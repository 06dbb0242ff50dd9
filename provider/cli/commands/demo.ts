// `litellm-tf demo`: the whole cycle on the built-in emulator with the real terraform binary, narrated.
// create a user → plan shows no changes → import it by ID into fresh state → plan shows no changes → destroy.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { parseCommandLine, usage, type CommandSpec } from "../command-line";
import { builtProviderDir } from "../paths";
import { devOverridesBlock, unattendedTerraformEnv } from "../distribution/cli-config";

const config = `terraform {
  required_providers {
    litellm = {
      source = "litellm-tf/litellm"
    }
  }
}

# api_base and api_key come from LITELLM_API_BASE and LITELLM_API_KEY.
provider "litellm" {}

resource "litellm_user" "developer" {
  user_email      = "developer@company.com"
  user_alias      = "john-developer"
  user_role       = "user"
  max_budget      = 100.0
  budget_duration = "monthly"
  tpm_limit       = 100000
  rpm_limit       = 1000
  models          = ["gpt-4", "gpt-3.5-turbo"]

  metadata = jsonencode({
    department = "Engineering"
    team       = "Backend"
  })
}
`;

interface Step {
  title: string;
  args: string[];
  expectCode: number;
  cwd: "main" | "imported";
}

export const demoCommand = {
  command: "litellm-tf demo",
  about: "Runs terraform (on PATH) with the built provider against the built-in emulator: create a litellm_user,\nplan (no changes), import it into fresh state, plan (no changes), destroy; and says what each step did.",
  flags: {
    keep: { type: "boolean", description: "keep the working directory after a successful run (a failed run always keeps it)" },
  },
} as const satisfies CommandSpec;

export async function runDemoCommand(argv: string[]): Promise<void> {
  const flags = parseCommandLine(demoCommand, argv);
  if (flags.help) return void process.stdout.write(usage(demoCommand));
  const keep = flags.keep ?? false;
  const started = Date.now();
  const providerDir = builtProviderDir();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "litellm-tf-demo-"));
  const dirs = { main: path.join(root, "main"), imported: path.join(root, "imported") };
  for (const d of Object.values(dirs)) {
    fs.mkdirSync(d);
    fs.writeFileSync(path.join(d, "main.tf"), config);
  }
  const cliConfig = path.join(root, "terraformrc");
  fs.writeFileSync(cliConfig, devOverridesBlock(providerDir));

  const masterKey = "sk-demo-master-key";
  const emulator = await startEmulator({ port: 0, masterKey });
  const env = unattendedTerraformEnv(cliConfig, emulator.url, masterKey);
  const say = (line = "") => process.stdout.write(`${line}\n`);
  say(`litellm-tf demo: the LiteLLM emulator listens on ${emulator.url}; the provider is ${providerDir}`);
  say(`Working in ${root}\n`);

  let ok = false;
  try {
    await step(say, env, dirs, { title: "terraform apply: create litellm_user.developer", args: ["apply", "-auto-approve", "-no-color"], expectCode: 0, cwd: "main" });
    const user = onlyUser(emulator);
    say(`  LiteLLM now has user ${user.user_id}: role ${user.user_role} (the config says "user"), budget_duration ${user.budget_duration} (config "monthly"), max_budget ${user.max_budget}.`);
    await step(say, env, dirs, { title: "terraform plan: nothing to change after apply", args: ["plan", "-detailed-exitcode", "-no-color"], expectCode: 0, cwd: "main" });
    await step(say, env, dirs, { title: `terraform import: adopt user ${user.user_id} into a fresh state`, args: ["import", "-no-color", "litellm_user.developer", String(user.user_id)], expectCode: 0, cwd: "imported" });
    await step(say, env, dirs, { title: "terraform plan: the imported user matches the config", args: ["plan", "-detailed-exitcode", "-no-color"], expectCode: 0, cwd: "imported" });
    await step(say, env, dirs, { title: "terraform destroy: delete the user", args: ["destroy", "-auto-approve", "-no-color"], expectCode: 0, cwd: "main" });
    const left = emulator.store.users.size;
    if (left !== 0) throw new Error(`the emulator still has ${left} user(s) after destroy`);
    say(`  LiteLLM has no users left.`);
    ok = true;
    say(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s: create, clean plan, import, clean plan, destroy.`);
  } finally {
    await emulator.close();
    if (ok && !keep) fs.rmSync(root, { recursive: true, force: true });
    else say(`The working directory is kept: ${root}`);
  }
}

function onlyUser(emulator: RunningEmulator): Record<string, unknown> {
  const users = [...emulator.store.users.values()] as unknown as Record<string, unknown>[];
  if (users.length !== 1) throw new Error(`expected one user on the emulator, found ${users.length}`);
  return users[0];
}

async function step(say: (l?: string) => void, env: NodeJS.ProcessEnv, dirs: Record<"main" | "imported", string>, s: Step): Promise<void> {
  const t0 = Date.now();
  const result = await run("terraform", s.args, dirs[s.cwd], env);
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (result.code !== s.expectCode) {
    say(`✗ ${s.title} (exit ${result.code}, expected ${s.expectCode})\n${result.output}`);
    throw new Error(`step failed: ${s.title}`);
  }
  const summary = result.output.split("\n").find((l) => /^(Apply complete|Destroy complete|No changes\.|Import successful)/.test(l.trim()));
  say(`✓ ${s.title} (${seconds} s)${summary ? `\n  terraform: ${summary.trim()}` : ""}`);
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", (e) => reject(new Error(`cannot run ${cmd}: ${e.message}. Is Terraform installed and on PATH?`)));
    child.on("close", (code) => resolve({ code: code ?? -1, output }));
  });
}
