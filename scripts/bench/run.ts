// `npm run bench`: cold start, throughput against the floor, provider CPU per RPC, peak RSS and the
// emulator's cost, in one run; prints a table and writes docs/performance.md with a chart.
//
//   node --import tsx scripts/bench/run.ts --help   (the flags: benchCommand below)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseScriptArgs, type CommandSpec } from "../../provider/cli/command-line";
import { unattendedTerraformEnv } from "../../provider/cli/distribution/cli-config";
import { renderChart } from "./chart";
import { measureColdStart, type ColdStartSample } from "./cold-start";
import { startBenchEmulator } from "./emulator-process";
import { machineInfo } from "./machine";
import { consoleReport, markdownReport } from "./report";
import { summarizeBench } from "./summary";
import { measureThroughput, runCycle, type CommandSample } from "./throughput";
import { writeCliConfig } from "./workspaces";

const root = path.resolve(__dirname, "..", "..");
const providerDir = path.join(root, "dist", "provider");
const executable = path.join(providerDir, "terraform-provider-litellm");

export interface BenchOptions {
  sizes: number[];
  repeats: number;
  coldRuns: number;
  warmups: number;
  doc?: string;
  assets?: string;
  json?: string;
  /** Saved results to render instead of measuring. */
  from?: string;
}

export const benchCommand = {
  command: "scripts/bench/run.ts",
  about: "Measures cold start, throughput against terraform_data, provider CPU per RPC, peak RSS and the emulator's cost;\nprints a table and writes docs/performance.md with a chart.",
  flags: {
    sizes: { type: "string", value: "N,N", description: "resource counts (default 10,100,500)" },
    repeats: { type: "string", value: "R", description: "repeats per size (default 3)" },
    "cold-runs": { type: "string", value: "C", description: "cold starts (default 25)" },
    doc: { type: "string", value: "FILE", description: "the page to write (default docs/performance.md)" },
    assets: { type: "string", value: "DIR", description: "where the chart and raw results go (default scripts/bench/results)" },
    json: { type: "string", value: "FILE", description: "also write the results as JSON" },
    smoke: { type: "boolean", description: "N=10, one repeat, three cold starts, outputs to a temp dir (what CI runs)" },
    "no-write": { type: "boolean", description: "print only; write no page, chart or results" },
    from: { type: "string", value: "FILE", description: "measure nothing; write the page and chart again from saved results" },
  },
} as const satisfies CommandSpec;

export function parseArgs(argv: string[]): BenchOptions {
  const flags = parseScriptArgs(benchCommand, argv);
  const smoke = flags.smoke ?? false;
  const scratch = smoke ? fs.mkdtempSync(path.join(os.tmpdir(), "litellm-tf-bench-out-")) : undefined;
  const write = !flags["no-write"];
  return {
    sizes: (flags.sizes ?? (smoke ? "10" : "10,100,500")).split(",").map(Number),
    repeats: Number(flags.repeats ?? (smoke ? 1 : 3)),
    coldRuns: Number(flags["cold-runs"] ?? (smoke ? 3 : 25)),
    warmups: smoke ? 1 : 2,
    doc: write ? flags.doc ?? (scratch ? path.join(scratch, "performance.md") : path.join(root, "docs", "performance.md")) : undefined,
    assets: write ? flags.assets ?? scratch ?? path.join(root, "scripts", "bench", "results") : undefined,
    json: flags.json,
    from: flags.from,
  };
}

type BenchResults = {
  machine: ReturnType<typeof machineInfo>;
  settings: { sizes: number[]; repeats: number; coldRuns: number };
  summary: ReturnType<typeof summarizeBench>;
  coldStart: ColdStartSample[];
  throughput: CommandSample[];
};

/** Prints the table and writes the page, the chart and the raw results. */
function writeOutputs(opts: BenchOptions, results: BenchResults, log: (line: string) => void): void {
  const { machine, summary, settings } = results;
  const notesFile = path.join(__dirname, "notes.md");
  const notes = fs.existsSync(notesFile) ? fs.readFileSync(notesFile, "utf8") : "";
  const chartLink = opts.doc && opts.assets ? path.relative(path.dirname(opts.doc), path.join(opts.assets, "performance.svg")).split(path.sep).join("/") : "performance.svg";
  const input = { machine, summary, settings, chartLink, notes };
  process.stdout.write(consoleReport(input));
  if (opts.assets) {
    fs.mkdirSync(opts.assets, { recursive: true });
    fs.writeFileSync(path.join(opts.assets, "performance.svg"), renderChart(summary));
    fs.writeFileSync(path.join(opts.assets, "results.json"), JSON.stringify(results, null, 2) + "\n");
  }
  if (opts.doc) {
    fs.mkdirSync(path.dirname(opts.doc), { recursive: true });
    fs.writeFileSync(opts.doc, markdownReport(input));
    log(`bench: wrote ${path.relative(root, opts.doc)}${opts.assets ? ` and ${path.relative(root, opts.assets)}/` : ""}`);
  }
  if (opts.json) fs.writeFileSync(opts.json, JSON.stringify(results, null, 2) + "\n");
}

export async function runBench(opts: BenchOptions, log: (line: string) => void = (l) => process.stderr.write(l + "\n")) {
  if (opts.from) {
    const saved = JSON.parse(fs.readFileSync(opts.from, "utf8")) as BenchResults;
    writeOutputs(opts, saved, log);
    return saved;
  }
  if (!fs.existsSync(executable)) throw new Error(`${executable} is missing: run \`npm run build\` first`);
  const machine = machineInfo();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "litellm-tf-bench-"));
  const cliConfig = path.join(work, "bench.tfrc");
  writeCliConfig(cliConfig, providerDir);
  const emulator = await startBenchEmulator();
  const env: NodeJS.ProcessEnv = {
    ...unattendedTerraformEnv(cliConfig, emulator.url, emulator.masterKey),
    // The code cache starts empty, as on a fresh machine; the warm-up below fills it.
    LITELLM_TF_CACHE_DIR: path.join(work, "code-cache"),
  };
  for (const key of ["TF_LOG", "TF_LOG_PROVIDER", "TF_LOG_PATH", "LITELLM_TF_CODE_CACHE", "TF_PLUGIN_CACHE_DIR"]) delete env[key];
  try {
    log(`bench: warm-up (N=1 cycle of each workload) in ${work}`);
    const tp = { sizes: opts.sizes, repeats: opts.repeats, workDir: work, env, emulator };
    await runCycle(tp, "litellm", 1, -1);
    await runCycle(tp, "floor", 1, -1);
    const throughput: CommandSample[] = await measureThroughput({
      ...tp,
      onSample: (s) => log(`bench: ${s.kind.padEnd(7)} N=${String(s.n).padEnd(4)} ${s.op.padEnd(7)} ${s.wallMs.toFixed(0).padStart(6)} ms` + (s.kind === "litellm" ? `  provider ${s.providers.processes} processes, ${s.providers.rpcs} RPCs, ${(s.providers.cpuMs / Math.max(1, s.providers.rpcs)).toFixed(3)} ms CPU/RPC` : "")),
    });
    log(`bench: cold start, ${opts.coldRuns} runs`);
    const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), "ltb-"));
    const coldStart: ColdStartSample[] = await measureColdStart({ executable, runs: opts.coldRuns, warmups: opts.warmups, env, socketDir });
    fs.rmSync(socketDir, { recursive: true, force: true });
    const summary = summarizeBench(coldStart, throughput);
    const settings = { sizes: opts.sizes, repeats: opts.repeats, coldRuns: opts.coldRuns };
    const results = { machine, settings, summary, coldStart, throughput };
    writeOutputs(opts, results, log);
    return results;
  } finally {
    await emulator.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runBench(parseArgs(process.argv.slice(2))).catch((e: unknown) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exit(1);
  });
}
