// Runs terraform through bash so that `times` reports the CPU of terraform and every process it waited
// for (the provider processes included), next to the wall-clock time.
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";

export interface TerraformRun {
  args: string[];
  code: number;
  wallMs: number;
  /** User + system CPU of terraform and its reaped children (provider processes), from bash's `times`. */
  childCpuMs: number;
  stdout: string;
  stderr: string;
}

const SCRIPT = 'terraform "$@"; rc=$?; times >&3; exit $rc';

export function runTerraform(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<TerraformRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("bash", ["-c", SCRIPT, "bench-terraform", ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let times = "";
    child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    (child.stdio[3] as NodeJS.ReadableStream).setEncoding("utf8");
    (child.stdio[3] as NodeJS.ReadableStream).on("data", (d: string) => (times += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - started;
      resolve({ args, code: code ?? -1, wallMs, childCpuMs: childrenCpuMs(times), stdout, stderr });
    });
  });
}

/** bash `times` prints the shell's user/system time, then its children's: "0m1.234s 0m0.056s". */
export function childrenCpuMs(times: string): number {
  const line = times.trim().split("\n")[1] ?? "";
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60_000 + Number(m[2]) * 1000);
  return parts.length === 2 ? parts[0]! + parts[1]! : NaN;
}
