// Apply, no-change plan (with refresh) and destroy of N litellm_user against the emulator, and of the
// same N terraform_data (the floor), repeated and interleaved. Each provider process reports its CPU,
// peak RSS and RPC counts; the emulator reports its own CPU and requests.
import fs from "node:fs";
import path from "node:path";
import { BENCH_REPORT_ENV } from "../../provider/bench-report";
import type { BenchEmulator } from "./emulator-process";
import { readProviderReports, totals, type ProviderTotals } from "./provider-reports";
import { runTerraform } from "./terraform-run";
import { createWorkspace, type WorkloadKind } from "./workspaces";

export type Operation = "apply" | "plan" | "destroy";
export const OPERATIONS: Operation[] = ["apply", "plan", "destroy"];

const ARGS: Record<Operation, string[]> = {
  apply: ["apply", "-auto-approve", "-input=false", "-no-color"],
  plan: ["plan", "-detailed-exitcode", "-input=false", "-no-color"],
  destroy: ["destroy", "-auto-approve", "-input=false", "-no-color"],
};

export interface CommandSample {
  kind: WorkloadKind;
  n: number;
  repeat: number;
  op: Operation;
  wallMs: number;
  /** terraform plus the provider processes it reaped. */
  childCpuMs: number;
  providers: ProviderTotals;
  emulator: { cpuMs: number; requests: number };
}

export interface ThroughputOptions {
  sizes: number[];
  repeats: number;
  workDir: string;
  env: NodeJS.ProcessEnv;
  emulator: BenchEmulator;
  /** Called after each command, for progress output. */
  onSample?(sample: CommandSample): void;
}

export async function measureThroughput(opts: ThroughputOptions): Promise<CommandSample[]> {
  const samples: CommandSample[] = [];
  for (const n of opts.sizes) {
    for (let repeat = 0; repeat < opts.repeats; repeat++) {
      // Alternate which workload goes first, so neither always runs on a warmer machine.
      const kinds: WorkloadKind[] = repeat % 2 === 0 ? ["litellm", "floor"] : ["floor", "litellm"];
      for (const kind of kinds) {
        for (const sample of await runCycle(opts, kind, n, repeat)) {
          samples.push(sample);
          opts.onSample?.(sample);
        }
      }
    }
  }
  return samples;
}

/** apply → plan (must show no changes) → destroy in a fresh workspace. */
export async function runCycle(opts: ThroughputOptions, kind: WorkloadKind, n: number, repeat: number): Promise<CommandSample[]> {
  const dir = createWorkspace(opts.workDir, kind, n, repeat);
  if (kind === "litellm") await opts.emulator.reset();
  const samples: CommandSample[] = [];
  for (const op of OPERATIONS) {
    const reportDir = path.join(dir, `.reports-${op}`);
    fs.mkdirSync(reportDir, { recursive: true });
    const before = kind === "litellm" ? await opts.emulator.usage() : undefined;
    const run = await runTerraform(dir, ARGS[op], { ...opts.env, [BENCH_REPORT_ENV]: reportDir });
    const after = kind === "litellm" ? await opts.emulator.usage() : undefined;
    if (run.code !== 0) {
      throw new Error(`terraform ${op} (${kind}, N=${n}) exited ${run.code}${op === "plan" ? " (2 means the plan was not empty)" : ""}\n${run.stdout}\n${run.stderr}`);
    }
    samples.push({
      kind,
      n,
      repeat,
      op,
      wallMs: run.wallMs,
      childCpuMs: run.childCpuMs,
      providers: totals(readProviderReports(reportDir)),
      emulator: before && after ? { cpuMs: after.cpuMs - before.cpuMs, requests: after.requests - before.requests } : { cpuMs: 0, requests: 0 },
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return samples;
}
