// Starts the built provider the way Terraform does and reads its handshake line.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from "../../provider/protocol/handshake";

export const root = path.resolve(__dirname, "../..");
export const providerBinary = path.join(root, "dist", "provider", "terraform-provider-litellm");

export function assertBuilt(): void {
  if (!fs.existsSync(providerBinary)) {
    throw new Error("dist/provider/terraform-provider-litellm is missing: run `npm run build` first (npm test does).");
  }
}

/** The environment Terraform 1.11 gives a provider (without PLUGIN_CLIENT_CERT unless passed in). */
export function pluginEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ["TF_LOG", "TF_LOG_PROVIDER", "PLUGIN_CLIENT_CERT", "PLUGIN_UNIX_SOCKET_DIR"]) delete env[key];
  return {
    ...env,
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: "5,6",
    PLUGIN_MIN_PORT: "10000",
    PLUGIN_MAX_PORT: "25000",
    ...extra,
  };
}

export interface PluginProcess {
  child: ChildProcessWithoutNullStreams;
  /** The first stdout line, without its newline. */
  handshake: string;
  /** Everything written to stdout so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

export function startPlugin(env: NodeJS.ProcessEnv): Promise<PluginProcess> {
  assertBuilt();
  const child = spawn(providerBinary, [], { env });
  let out = "";
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.stdout.on("data", (d: Buffer) => {
      const before = out;
      out += d.toString();
      if (!before.includes("\n") && out.includes("\n")) {
        resolve({ child, handshake: out.slice(0, out.indexOf("\n")), stdout: () => out, stderr: () => err, exited });
      }
    });
    void exited.then((code) => reject(new Error(`provider exited with ${code} before the handshake; stderr: ${err}`)));
  });
}
