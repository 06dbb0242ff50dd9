// Turns raw samples into the ratios, per-RPC costs and target verdicts the report shows.
import type { ColdStartSample } from "./cold-start";
import { pairedRatios, summarize, type Summary } from "./stats";
import type { CommandSample, Operation } from "./throughput";
import { OPERATIONS } from "./throughput";

export interface ThroughputRow {
  n: number;
  op: Operation;
  /** litellm wall time / floor wall time, per repeat. */
  ratio: Summary;
  litellmMs: Summary;
  floorMs: Summary;
  /** CPU of terraform alone (children CPU minus the provider's), litellm and floor. */
  terraformCpuMs: Summary;
  floorCpuMs: Summary;
  providerCpuMsPerRpc: Summary;
  rpcs: number;
  processes: number;
  peakRssMB: Summary;
  emulatorMsPerRequest: Summary;
  /** Emulator CPU as a share of the command's wall time. */
  emulatorShare: Summary;
}

export interface ColdStartSummary {
  ratio: Summary;
  handshakeMs: Summary;
  nodeMs: Summary;
  firstRpcMs: Summary;
  firstRpcRatio: Summary;
  noCacheRatio: Summary;
  rssMB: Summary;
}

export interface Target {
  name: string;
  value: Summary;
  limit: number;
  unit: string;
  met: boolean;
}

export interface BenchSummary {
  coldStart: ColdStartSummary;
  rows: ThroughputRow[];
  /** The size the targets are judged at (the largest measured; the targets are for 500). */
  targetN: number;
  targets: Target[];
}

const MB = 1.048576; // MiB → MB

export function summarizeBench(cold: readonly ColdStartSample[], samples: readonly CommandSample[]): BenchSummary {
  const coldStart: ColdStartSummary = {
    ratio: summarize(pairedRatios(cold.map((s) => s.handshakeMs), cold.map((s) => s.nodeMs))),
    handshakeMs: summarize(cold.map((s) => s.handshakeMs)),
    nodeMs: summarize(cold.map((s) => s.nodeMs)),
    firstRpcMs: summarize(cold.map((s) => s.firstRpcMs)),
    firstRpcRatio: summarize(pairedRatios(cold.map((s) => s.firstRpcMs), cold.map((s) => s.nodeMs))),
    noCacheRatio: summarize(pairedRatios(cold.map((s) => s.noCacheHandshakeMs), cold.map((s) => s.nodeMs))),
    rssMB: summarize(cold.map((s) => s.rssMiB * MB)),
  };
  const sizes = [...new Set(samples.map((s) => s.n))].sort((a, b) => a - b);
  const rows: ThroughputRow[] = [];
  for (const n of sizes) {
    for (const op of OPERATIONS) {
      const pick = (kind: "litellm" | "floor") => samples.filter((s) => s.n === n && s.op === op && s.kind === kind).sort((a, b) => a.repeat - b.repeat);
      const lite = pick("litellm");
      const floor = pick("floor");
      if (lite.length === 0 || floor.length === 0) continue;
      rows.push({
        n,
        op,
        ratio: summarize(pairedRatios(lite.map((s) => s.wallMs), floor.map((s) => s.wallMs))),
        litellmMs: summarize(lite.map((s) => s.wallMs)),
        floorMs: summarize(floor.map((s) => s.wallMs)),
        terraformCpuMs: summarize(lite.map((s) => s.childCpuMs - s.providers.cpuMs)),
        floorCpuMs: summarize(floor.map((s) => s.childCpuMs)),
        providerCpuMsPerRpc: summarize(lite.map((s) => s.providers.cpuMs / s.providers.rpcs)),
        rpcs: Math.round(summarize(lite.map((s) => s.providers.rpcs)).median),
        processes: Math.round(summarize(lite.map((s) => s.providers.processes)).median),
        peakRssMB: summarize(lite.map((s) => s.providers.peakRssMiB * MB)),
        emulatorMsPerRequest: summarize(lite.filter((s) => s.emulator.requests > 0).map((s) => s.emulator.cpuMs / s.emulator.requests)),
        emulatorShare: summarize(lite.map((s) => s.emulator.cpuMs / s.wallMs)),
      });
    }
  }
  const targetN = sizes[sizes.length - 1] ?? 0;
  const at = (op: Operation) => rows.find((r) => r.n === targetN && r.op === op);
  const targets: Target[] = [
    target("Cold start vs `node -e 0`", coldStart.ratio, 1.3, "×"),
    target(`Apply, N=${targetN}, vs terraform_data`, at("apply")?.ratio, 1.8, "×"),
    target(`No-change plan, N=${targetN}, vs terraform_data`, at("plan")?.ratio, 4.0, "×"),
    target(`Provider CPU per RPC, plan N=${targetN}`, at("plan")?.providerCpuMsPerRpc, 0.2, "ms"),
    target(`Peak provider RSS, plan N=${targetN}`, at("plan")?.peakRssMB, 100, "MB"),
  ];
  return { coldStart, rows, targetN, targets };
}

function target(name: string, value: Summary | undefined, limit: number, unit: string): Target {
  const v = value ?? summarize([]);
  return { name, value: v, limit, unit, met: v.n > 0 && v.median <= limit };
}
