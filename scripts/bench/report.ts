// The benchmark's outputs: a table for the terminal and docs/performance.md.
import type { MachineInfo } from "./machine";
import { formatSummary, type Summary } from "./stats";
import type { BenchSummary } from "./summary";

export interface ReportInput {
  machine: MachineInfo;
  summary: BenchSummary;
  settings: { sizes: number[]; repeats: number; coldRuns: number };
  /** Path of the chart, relative to the markdown file. */
  chartLink: string;
  /** Hand-written analysis (scripts/bench/notes.md), appended as is. */
  notes: string;
}

const ms = (s: Summary) => formatSummary(s, 0);
const ratio = (s: Summary) => formatSummary(s, 2);

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)];
}

export function targetRows(summary: BenchSummary): string[][] {
  return summary.targets.map((t) => [t.name, `${formatSummary(t.value, t.unit === "MB" ? 1 : 2)} ${t.unit}`, `≤ ${t.limit} ${t.unit}`, t.met ? "met" : "**missed**"]);
}

export function throughputRows(summary: BenchSummary): string[][] {
  return summary.rows.map((r) => [String(r.n), r.op, ratio(r.ratio), ms(r.litellmMs), ms(r.floorMs), String(r.processes), String(r.rpcs), formatSummary(r.providerCpuMsPerRpc, 3), formatSummary(r.peakRssMB, 1)]);
}

export function costRows(summary: BenchSummary): string[][] {
  return summary.rows.map((r) => [String(r.n), r.op, ms(r.terraformCpuMs), ms(r.floorCpuMs), formatSummary(r.emulatorMsPerRequest, 3), formatSummary({ ...r.emulatorShare, median: r.emulatorShare.median * 100, min: r.emulatorShare.min * 100, max: r.emulatorShare.max * 100 }, 1)]);
}

const THROUGHPUT_HEADER = ["N", "command", "ratio", "litellm ms", "floor ms", "provider processes", "RPCs", "provider CPU ms/RPC", "peak RSS MB"];
const COST_HEADER = ["N", "command", "terraform CPU ms (litellm)", "terraform CPU ms (floor)", "emulator CPU ms/request", "emulator CPU % of wall"];

/** Plain-text table for the terminal (markdown tables read fine there too). */
export function consoleReport(input: ReportInput): string {
  const c = input.summary.coldStart;
  return [
    `Machine: ${input.machine.cpuModel}, ${input.machine.cores} cores, ${input.machine.memoryGiB} GiB, node ${input.machine.node}, terraform ${input.machine.terraform}`,
    "",
    ...table(["target", "measured: median (min–max)", "target", ""], targetRows(input.summary)),
    "",
    `Cold start: handshake ${ms(c.handshakeMs)} ms vs node -e 0 ${ms(c.nodeMs)} ms = ${ratio(c.ratio)}×; first RPC answered ${ms(c.firstRpcMs)} ms (${ratio(c.firstRpcRatio)}×); without code cache ${ratio(c.noCacheRatio)}×; RSS ${formatSummary(c.rssMB, 1)} MB`,
    "",
    ...table(THROUGHPUT_HEADER, throughputRows(input.summary)),
    "",
    ...table(COST_HEADER, costRows(input.summary)),
    "",
  ].join("\n");
}

export function markdownReport(input: ReportInput): string {
  const { machine, summary, settings } = input;
  const c = summary.coldStart;
  return [
    "# Performance",
    "",
    "<!-- Written by `npm run bench` (scripts/bench/); the Analysis section comes from scripts/bench/notes.md. -->",
    "",
    "litellm-tf runs as a Node process that Terraform starts 3–4 times per command. This page compares it with",
    "`node -e 0` (the price of starting Node at all) and with Terraform's built-in `terraform_data` resource",
    "(no plugin process, no gRPC: the floor any provider is measured against). All ratios are medians over",
    "repeated, interleaved runs, with the min–max range in parentheses.",
    "",
    `Measured ${machine.date.slice(0, 10)} on ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.os},`,
    `Node ${machine.node}, Terraform ${machine.terraform}; load average at the start ${machine.loadAverage.join(" / ")}.`,
    `Settings: N ∈ {${settings.sizes.join(", ")}}, ${settings.repeats} repeats per N, ${settings.coldRuns} cold starts. Run it yourself with \`npm run bench\`.`,
    "",
    "## Targets",
    "",
    ...table(["target", "measured", "limit", "verdict"], targetRows(summary)),
    "",
    `![Ratios of litellm-tf to the floor](${input.chartLink})`,
    "",
    "## Cold start",
    "",
    ...table(
      ["", "median (min–max)"],
      [
        ["`node -e 0`, spawn → exit", `${ms(c.nodeMs)} ms`],
        ["provider, spawn → handshake line", `${ms(c.handshakeMs)} ms`],
        ["ratio to `node -e 0`", `${ratio(c.ratio)}×`],
        ["ratio without the code cache (first run ever)", `${ratio(c.noCacheRatio)}×`],
        ["provider, spawn → first RPC (GetProviderSchema) answered", `${ms(c.firstRpcMs)} ms (${ratio(c.firstRpcRatio)}×)`],
        ["RSS right after the handshake", `${formatSummary(c.rssMB, 1)} MB`],
      ],
    ),
    "",
    "## Throughput: litellm_user vs terraform_data",
    "",
    "Apply, no-change plan (with refresh) and destroy of N resources. Provider CPU per RPC is the user+system CPU of",
    "every provider process of the command (start-up included) divided by the RPCs they served, as the processes",
    "report it at exit; peak RSS is the largest of the processes.",
    "",
    ...table(THROUGHPUT_HEADER, throughputRows(summary)),
    "",
    "## Where the time goes",
    "",
    "Terraform's own CPU (its children's CPU minus the provider's) with the provider and with `terraform_data`, and the",
    "emulator's cost per request: the emulator runs in its own process, so its CPU share of the wall time shows the",
    "ratios are not emulator-bound.",
    "",
    ...table(COST_HEADER, costRows(summary)),
    "",
    input.notes.trim(),
    "",
  ].join("\n");
}

