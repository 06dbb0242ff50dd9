// Times a step of a CDK test and reports it with t.diagnostic. With LITELLM_TF_RECORD_TIMINGS=1 the time is also
// written into docs/cdktf.md, in the table between the timing markers, so the doc shows what the tests measured
// on this machine (never typed by hand, never asserted on).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");
export const timingsDoc = path.join(root, "docs", "cdktf.md");
export const timingsStart = "<!-- timings: written by the CDK tests with LITELLM_TF_RECORD_TIMINGS=1; do not edit -->";
export const timingsEnd = "<!-- /timings -->";
const header = ["| Step | Time | Recorded |", "|---|---|---|"];

type Reporter = { diagnostic(message: string): void };

export async function timed<T>(t: Reporter, label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await work();
  const ms = Date.now() - started;
  t.diagnostic(`${label}: ${ms} ms`);
  // A command that failed measured nothing worth writing down.
  const failed = typeof result === "object" && result !== null && "code" in result && (result as { code: unknown }).code !== 0;
  if (process.env.LITELLM_TF_RECORD_TIMINGS === "1" && !failed) recordTiming(label, ms);
  return result;
}

let machine: string | undefined;
function describeMachine(): string {
  const terraform = execFileSync("terraform", ["version", "-json"], { env: { ...process.env, CHECKPOINT_DISABLE: "1" }, encoding: "utf8" });
  const tfVersion = (JSON.parse(terraform) as { terraform_version: string }).terraform_version;
  machine ??= `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (load ${os.loadavg()[0]!.toFixed(0)}), Node ${process.version}, Terraform ${tfVersion}`;
  return machine;
}

/** Replaces (or appends) the row for `label` in the marked table; test files run in parallel, so under a lock. */
export function recordTiming(label: string, ms: number): void {
  const row = `| ${label} | ${(ms / 1000).toFixed(1)} s | ${describeMachine()} |`;
  withLock(`${timingsDoc}.lock`, () => {
    const text = fs.readFileSync(timingsDoc, "utf8");
    const start = text.indexOf(timingsStart);
    const end = text.indexOf(timingsEnd);
    if (start < 0 || end < start) throw new Error(`${timingsDoc} has no timing markers`);
    const rows = text
      .slice(start + timingsStart.length, end)
      .split("\n")
      .filter((line) => line.startsWith("| ") && !header.includes(line));
    const at = rows.findIndex((line) => line.startsWith(`| ${label} |`));
    if (at >= 0) rows[at] = row;
    else rows.push(row);
    rows.sort();
    const table = [timingsStart, ...header, ...rows, timingsEnd].join("\n");
    fs.writeFileSync(timingsDoc, text.slice(0, start) + table + text.slice(end + timingsEnd.length));
  });
}

function withLock(lockDir: string, work: () => void): void {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    work();
  } finally {
    fs.rmdirSync(lockDir);
  }
}
