// Measures how long the built provider takes from spawn to its handshake line, against bare node,
// and its resident memory once serving. Run: node --import tsx test/protocol/startup-bench.ts [runs]
import { spawn } from "node:child_process";
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { createSelfSignedCertificate } from "../../provider/protocol/self-signed-cert";
import { pluginEnv, providerBinary } from "./plugin-process";

const runs = Number(process.argv[2] ?? 10);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeNode(): Promise<number> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    spawn(process.execPath, ["-e", "0"]).on("exit", () => resolve(performance.now() - t0));
  });
}

function timeHandshake(env: NodeJS.ProcessEnv): Promise<{ ms: number; rssKb: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(providerBinary, [], { env, stdio: ["ignore", "pipe", "inherit"] });
    child.stdout.once("data", () => {
      const ms = performance.now() - t0;
      const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
      const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
      child.kill("SIGTERM");
      child.on("exit", () => resolve({ ms, rssKb }));
    });
    child.on("error", reject);
  });
}

async function main(): Promise<void> {
  const client = createSelfSignedCertificate();
  const env = pluginEnv({ PLUGIN_CLIENT_CERT: client.certPem });
  const node: number[] = [];
  const provider: number[] = [];
  const rss: number[] = [];
  await timeHandshake(env); // warm the file cache
  for (let i = 0; i < runs; i++) {
    node.push(await timeNode());
    const r = await timeHandshake(env);
    provider.push(r.ms);
    rss.push(r.rssKb);
  }
  console.log(`runs: ${runs}`);
  console.log(`node -e 0 exit:        median ${median(node).toFixed(1)} ms`);
  console.log(`provider handshake:    median ${median(provider).toFixed(1)} ms`);
  console.log(`provider RSS at start: median ${(median(rss) / 1024).toFixed(1)} MiB`);
}

void main();
