// A LiteLLM proxy as people configure it, for end-to-end tests: `litellm-tf emulator --config FILE` run as its
// own process from the built CLI, reading a config.yaml with a custom key header and server-side defaults.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { randomBytes } from "node:crypto";
import { createWorkspace, repoRoot, type Workspace } from "../support/terraform";

export const KEY_HEADER = "X-Litellm-Key";

/** The config.yaml the tests run against; the same shape a LiteLLM deployment uses. */
export const CONFIG_YAML = `model_list:
  - model_name: gpt-4o-mini
    litellm_params:
      model: openai/gpt-4o-mini

general_settings:
  litellm_key_header_name: ${KEY_HEADER}

litellm_settings:
  default_internal_user_params:
    models: ["gpt-4o-mini"]
    tpm_limit: 1000
  max_internal_user_budget: 25
  internal_user_budget_duration: 30d
  default_team_settings:
    - team_id: callbacks
      max_budget: 50
`;

export interface ConfiguredProxy {
  url: string;
  masterKey: string;
  /** A management call with the master key in the configured header, as an admin's script would make it. */
  call(method: "GET" | "POST", route: string, body?: unknown): Promise<{ status: number; body: any }>;
  /** A workspace pointed at the proxy; its provider finds the header name in LITELLM_API_KEY_HEADER unless told not to. */
  workspace(mainTf: string, opts?: { headerFromEnv?: boolean }): Workspace;
  close(): Promise<void>;
}

export async function startConfiguredProxy(): Promise<ConfiguredProxy> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "litellm-tf-proxy-"));
  const configFile = path.join(dir, "config.yaml");
  fs.writeFileSync(configFile, CONFIG_YAML);
  const cli = path.join(repoRoot, "dist", "cli.js");
  const masterKey = `sk-proxy-${randomBytes(10).toString("hex")}`;
  const child: ChildProcess = spawn(process.execPath, [cli, "emulator", "--port", "0", "--master-key", masterKey, "--config", configFile], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once("line", (line) => resolve(line.trim()));
    child.once("exit", (code) => reject(new Error(`emulator exited ${code} before printing its URL\n${stderr}`)));
  });
  const workspaces: Workspace[] = [];
  return {
    url,
    masterKey,
    async call(method, route, body) {
      const res = await fetch(new URL(route, url), {
        method,
        headers: { [KEY_HEADER]: `Bearer ${masterKey}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    workspace(mainTf, opts = {}) {
      const env = opts.headerFromEnv === false ? {} : { LITELLM_API_KEY_HEADER: KEY_HEADER };
      const ws = createWorkspace({ apiBase: url, apiKey: masterKey, env, files: { "main.tf": mainTf } });
      workspaces.push(ws);
      return ws;
    },
    async close() {
      for (const ws of workspaces) ws.dispose();
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
