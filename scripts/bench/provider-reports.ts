// What the provider processes of one terraform command reported (LITELLM_TF_BENCH_REPORT).
import fs from "node:fs";
import path from "node:path";
import type { BenchReport } from "../../provider/bench-report";

export interface ProviderTotals {
  processes: number;
  cpuMs: number;
  rpcs: number;
  /** The largest peak RSS of any one process, in MiB. */
  peakRssMiB: number;
  rpcCounts: Record<string, number>;
}

export function readProviderReports(dir: string): BenchReport[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^provider-\d+\.json$/.test(f))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as BenchReport);
}

export function totals(reports: readonly BenchReport[]): ProviderTotals {
  const rpcCounts: Record<string, number> = {};
  for (const r of reports) for (const [m, c] of Object.entries(r.rpcCounts)) rpcCounts[m] = (rpcCounts[m] ?? 0) + c;
  return {
    processes: reports.length,
    cpuMs: reports.reduce((s, r) => s + (r.cpuUserUs + r.cpuSystemUs) / 1000, 0),
    rpcs: Object.values(rpcCounts).reduce((s, c) => s + c, 0),
    peakRssMiB: reports.reduce((m, r) => Math.max(m, r.maxRssKb / 1024), 0),
    rpcCounts,
  };
}
