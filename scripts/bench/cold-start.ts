// Cold start: spawn → handshake line of the built provider (as Terraform starts it, with AutoMTLS),
// side by side with `node -e 0`, plus its RSS right after the handshake and the time until its first
// RPC is answered. Runs are interleaved so that the machine's drift hits both alike.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from "../../provider/protocol/handshake";
import { connectPlugin, parseHandshakeLine } from "../../test/support/plugin-client";
import { createSelfSignedCertificate } from "../../provider/protocol/self-signed-cert";

export interface ColdStartSample {
  nodeMs: number;
  handshakeMs: number;
  firstRpcMs: number;
  rssMiB: number;
  /** The same start with the code cache turned off (a first run ever, or LITELLM_TF_CODE_CACHE=off). */
  noCacheHandshakeMs: number;
}

export interface ColdStartOptions {
  executable: string;
  runs: number;
  warmups: number;
  env: NodeJS.ProcessEnv;
  socketDir: string;
}

export async function measureColdStart(opts: ColdStartOptions): Promise<ColdStartSample[]> {
  const host = createSelfSignedCertificate({ organization: "bench-host" });
  const env: NodeJS.ProcessEnv = {
    ...opts.env,
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: "5,6",
    PLUGIN_MIN_PORT: "10000",
    PLUGIN_MAX_PORT: "25000",
    PLUGIN_CLIENT_CERT: host.certPem,
    PLUGIN_UNIX_SOCKET_DIR: opts.socketDir,
  };
  const samples: ColdStartSample[] = [];
  for (let i = 0; i < opts.warmups + opts.runs; i++) {
    // Let the previous run's client connections wind down, so the next spawn does not compete with them.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const nodeMs = await timeBareNode(opts.env);
    const started = await startProvider(opts.executable, env, host);
    const noCache = await startProvider(opts.executable, { ...env, LITELLM_TF_CODE_CACHE: "off" }, host);
    if (i >= opts.warmups) {
      samples.push({ nodeMs, handshakeMs: started.handshakeMs, firstRpcMs: started.firstRpcMs, rssMiB: started.rssMiB, noCacheHandshakeMs: noCache.handshakeMs });
    }
  }
  return samples;
}

function timeBareNode(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["-e", "0"], { env, stdio: "ignore" });
    child.on("error", reject);
    child.on("exit", () => resolve(performance.now() - t0));
  });
}

interface ProviderStart {
  handshakeMs: number;
  firstRpcMs: number;
  rssMiB: number;
}

/** Starts the provider, waits for the handshake line, reads RSS, calls GetProviderSchema, then Shutdown. */
function startProvider(executable: string, env: NodeJS.ProcessEnv, host: { certPem: string; keyPem: string }): Promise<ProviderStart> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(executable, [], { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    child.on("error", reject);
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout.on("data", (d: Buffer) => {
      const first = !out.includes("\n");
      out += d.toString();
      if (!first || !out.includes("\n")) return;
      const handshakeMs = performance.now() - t0;
      const rssMiB = rssOf(child.pid!);
      const client = connectPlugin(parseHandshakeLine(out.slice(0, out.indexOf("\n"))), host);
      client
        .provider("GetProviderSchema")
        .then(async () => {
          const firstRpcMs = performance.now() - t0;
          await client.unary("/plugin.GRPCController/Shutdown", Buffer.alloc(0)).catch(() => undefined);
          client.close();
          await exited;
          resolve({ handshakeMs, firstRpcMs, rssMiB });
        })
        .catch((e: unknown) => {
          child.kill("SIGKILL");
          reject(new Error(`the provider did not answer GetProviderSchema: ${String(e)}\n${err}`));
        });
    });
    void exited.then(() => {
      if (!out.includes("\n")) reject(new Error(`the provider exited before its handshake: ${err}`));
    });
  });
}

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
}
