// `npm run bench:profile`: CPU profiles of the provider processes of a no-change plan of N litellm_user
// against the emulator, and where their CPU went, by layer. The provider is built unminified (names and
// esbuild's module markers kept) and started through a wrapper that adds `--cpu-prof` (Node refuses it in
// NODE_OPTIONS). Samples count for the code that owns the innermost frame with a source (native frames
// count for their caller).
//   node --import tsx scripts/bench/profile.ts [--n 500] [--out DIR]   (--help: profileCommand below)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BENCH_REPORT_ENV } from "../../provider/bench-report";
import { parseScriptArgs, type CommandSpec } from "../../provider/cli/command-line";
import { PAYLOAD_MARKER, SEGMENT_START, decodeSegment } from "../../provider/launcher/payload";
import { startBenchEmulator } from "./emulator-process";
import { readProviderReports } from "./provider-reports";
import { runTerraform } from "./terraform-run";
import { configFor, writeCliConfig } from "./workspaces";

const root = path.resolve(__dirname, "..", "..");

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Which source file each line of a segment belongs to, from esbuild's `// path` markers (unminified builds). */
export function moduleLines(segmentSource: string): (line: number) => string {
  const starts: [number, string][] = [];
  segmentSource.split("\n").forEach((text, i) => {
    const m = /^\s*\/\/ (?:.*?\/)?((?:provider|node_modules)\/[^\s]+\.(?:[cm]?[jt]s|json))$/.exec(text);
    if (m) starts.push([i, m[1]!]);
  });
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found = "";
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]![0] <= line) {
        found = starts[mid]![1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

/** The layer a source file of ours belongs to, as docs/performance.md names them. */
export function layerOf(file: string): string {
  if (/^provider\/protocol\/grpc-/.test(file)) return "our gRPC server (framing, routing)";
  if (/^provider\/protocol\/codec\//.test(file)) return "msgpack/JSON value codec";
  if (/^provider\/protocol\//.test(file)) return "protobuf and RPC dispatch";
  if (/^provider\/framework\//.test(file)) return "framework (plan rules, validation input, diagnostics)";
  if (/^provider\/resources\//.test(file)) return "litellm_user and the other resources";
  if (/^provider\/litellm\/(axios-adapter|undici-transport|content-decoding|transport-errors|proxy-environment)/.test(file)) return "our transport adapter (axios → undici)";
  if (/^provider\/litellm\//.test(file)) return "LiteLLM client (calls, retries, answers)";
  if (/^provider\/launcher\//.test(file)) return "launcher";
  if (/node_modules\/axios\//.test(file)) return "axios";
  if (/node_modules\/ajv/.test(file)) return "ajv";
  if (/node_modules\/undici\//.test(file)) return "undici (HTTP/1.1 client, llhttp)";
  return /node_modules\//.test(file) ? "other libraries (axios's dependencies)" : "other of ours (logging, main)";
}

function nodeLayer(url: string): string {
  if (/http2/.test(url)) return "Node's http2 (under the gRPC server)";
  if (/_http_|^node:https?$/.test(url)) return "Node's http client";
  if (/modules|realm|bootstrap|pre_execution|run_main|^node:vm$|^node:internal\/util$/.test(url)) return "Node: start-up, module loading and compiling";
  if (/tls|crypto|secure-context/.test(url)) return "Node: TLS and crypto";
  if (/^node:net$|stream_base_commons|internal\/net/.test(url)) return "Node: sockets (net, incl. the syscalls)";
  if (/streams|^node:stream$/.test(url)) return "Node: streams";
  if (/task_queues|timers|promises|async_hooks|events|event_target|abort_controller|fixed_queue|linkedlist/.test(url)) return "Node: event loop, promises, events, timers";
  if (/buffer|encoding|url/.test(url)) return "Node: buffers, text encoding, URLs";
  return "Node: other modules";
}

export interface LayerShare {
  layer: string;
  ms: number;
}

/** Busy time by layer (idle left out). `segments` maps a segment name (core, ajv, axios) to its source. */
export function summarizeProfile(profile: CpuProfile, segments: Map<string, string>): { busyMs: number; layers: LayerShare[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const lineMaps = new Map([...segments].map(([name, source]) => [name, moduleLines(source)]));
  const layerCache = new Map<number, string>();
  const layerOfNode = (id: number): string => {
    const cached = layerCache.get(id);
    if (cached) return cached;
    let layer = "";
    for (let cur: number | undefined = id; cur !== undefined && !layer; cur = parent.get(cur)) {
      const { functionName, url, lineNumber } = byId.get(cur)!.callFrame;
      if (functionName === "(idle)") layer = "(idle)";
      else if (functionName === "(garbage collector)") layer = "garbage collection";
      else if (functionName === "(program)") layer = "V8 and native code outside any JS frame";
      else if (url.startsWith("node:")) layer = nodeLayer(url);
      else if (url) {
        const segment = /#(\w+)$/.exec(decodeURIComponent(url))?.[1];
        const lines = segment ? lineMaps.get(segment) : undefined;
        layer = lines ? layerOf(lines(lineNumber)) : "launcher";
      }
    }
    layer ||= "other";
    layerCache.set(id, layer);
    return layer;
  };
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const layer = layerOfNode(id);
    totals.set(layer, (totals.get(layer) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  totals.delete("(idle)");
  const layers = [...totals].map(([layer, ms]) => ({ layer, ms })).sort((a, b) => b.ms - a.ms);
  return { busyMs: layers.reduce((s, l) => s + l.ms, 0), layers };
}

/** The segments embedded in a provider executable, by name, in build order (core first). */
export function readSegments(executable: string, names = ["core", "ajv", "axios", "undici"]): Map<string, string> {
  const text = fs.readFileSync(executable, "latin1");
  const payload = text.slice(text.indexOf(PAYLOAD_MARKER) + PAYLOAD_MARKER.length);
  const parts = payload.split(`\n${SEGMENT_START}`);
  parts[0] = parts[0]!.slice(SEGMENT_START.length);
  return new Map(parts.slice(0, names.length).map((p, i) => [names[i]!, decodeSegment(SEGMENT_START + p)]));
}

export const profileCommand = {
  command: "scripts/bench/profile.ts",
  about: "CPU profiles of the provider processes of a no-change plan of N litellm_user, and where their CPU went, by layer.",
  flags: {
    n: { type: "string", value: "N", description: "resources in the plan (default 500)" },
    out: { type: "string", value: "DIR", description: "keep the .cpuprofile files here (default: a temporary directory)" },
  },
} as const satisfies CommandSpec;

async function main(): Promise<void> {
  const flags = parseScriptArgs(profileCommand, process.argv.slice(2));
  const n = Number(flags.n ?? 500);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "litellm-tf-profile-"));
  const out = path.resolve(flags.out ?? path.join(work, "profiles"));
  fs.mkdirSync(out, { recursive: true });

  const { buildProviderExecutable } = (await import(path.join(root, "scripts", "build-provider.mjs"))) as {
    buildProviderExecutable(root: string, o: { minify: boolean }): Promise<string>;
  };
  const plainDir = path.join(work, "plain");
  const wrapperDir = path.join(work, "wrapper");
  fs.mkdirSync(plainDir);
  fs.mkdirSync(wrapperDir);
  const executable = path.join(plainDir, "terraform-provider-litellm");
  fs.writeFileSync(executable, await buildProviderExecutable(root, { minify: false }), { mode: 0o755 });
  fs.writeFileSync(
    path.join(wrapperDir, "terraform-provider-litellm"),
    `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} --cpu-prof --cpu-prof-dir=${JSON.stringify(out)} --cpu-prof-interval 100 ${JSON.stringify(executable)} "$@"\n`,
    { mode: 0o755 },
  );
  writeCliConfig(path.join(work, "plain.tfrc"), plainDir);
  writeCliConfig(path.join(work, "profile.tfrc"), wrapperDir);
  const workspace = path.join(work, "workspace");
  fs.mkdirSync(workspace);
  fs.writeFileSync(path.join(workspace, "main.tf"), configFor("litellm", n));

  const emulator = await startBenchEmulator();
  const reports = path.join(work, "reports");
  fs.mkdirSync(reports);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CHECKPOINT_DISABLE: "1",
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    LITELLM_API_BASE: emulator.url,
    LITELLM_API_KEY: emulator.masterKey,
    LITELLM_TF_CACHE_DIR: path.join(work, "code-cache"),
  };
  try {
    const apply = await runTerraform(workspace, ["apply", "-auto-approve", "-no-color"], { ...env, TF_CLI_CONFIG_FILE: path.join(work, "plain.tfrc") });
    if (apply.code !== 0) throw new Error(`apply failed:\n${apply.stderr}`);
    // Once more without profiling, so the code caches are as warm as in a user's second run.
    await runTerraform(workspace, ["plan", "-no-color"], { ...env, TF_CLI_CONFIG_FILE: path.join(work, "plain.tfrc") });
    const plan = await runTerraform(workspace, ["plan", "-detailed-exitcode", "-no-color"], { ...env, TF_CLI_CONFIG_FILE: path.join(work, "profile.tfrc"), [BENCH_REPORT_ENV]: reports });
    if (plan.code !== 0) throw new Error(`the plan was not clean (exit ${plan.code}):\n${plan.stderr}${plan.stdout}`);
  } finally {
    await emulator.stop();
  }

  const segments = readSegments(executable);
  const rpcsByPid = new Map(readProviderReports(reports).map((r) => [r.pid, Object.values(r.rpcCounts).reduce((a, b) => a + b, 0)]));
  const all = new Map<string, number>();
  let busyAll = 0;
  console.log(`No-change plan of ${n} litellm_user; profiles in ${out}\n`);
  for (const file of fs.readdirSync(out).filter((f) => f.endsWith(".cpuprofile")).sort()) {
    const pid = Number(/\.(\d+)\.\d+\.\d+\.cpuprofile$/.exec(file)?.[1]);
    const summary = summarizeProfile(JSON.parse(fs.readFileSync(path.join(out, file), "utf8")) as CpuProfile, segments);
    console.log(`process ${pid}: ${rpcsByPid.get(pid) ?? "?"} RPCs, ${summary.busyMs.toFixed(0)} ms busy on the main thread`);
    busyAll += summary.busyMs;
    for (const l of summary.layers) all.set(l.layer, (all.get(l.layer) ?? 0) + l.ms);
  }
  console.log(`\n| share | ms | where the main threads' CPU went (all processes) |\n|---|---|---|`);
  for (const [layer, ms] of [...all].sort((a, b) => b[1] - a[1])) {
    console.log(`| ${((100 * ms) / busyAll).toFixed(1)} % | ${ms.toFixed(0)} | ${layer} |`);
  }
  if (flags.out === undefined) fs.rmSync(work, { recursive: true, force: true });
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`profile failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exit(1);
  });
}
