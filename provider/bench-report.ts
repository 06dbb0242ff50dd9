// For `npm run bench`: when LITELLM_TF_BENCH_REPORT names a directory, the provider writes what it cost
// (CPU, peak RSS, RPCs served) to <dir>/provider-<pid>.json as it exits. Unset, nothing happens.

import fs from "node:fs";
import path from "node:path";

export const BENCH_REPORT_ENV = "LITELLM_TF_BENCH_REPORT";

export interface BenchReport {
  pid: number;
  /** User and system CPU of the whole process life, in microseconds. */
  cpuUserUs: number;
  cpuSystemUs: number;
  /** Peak resident set size, in KiB (getrusage ru_maxrss). */
  maxRssKb: number;
  /** Milliseconds from process start to the handshake line. */
  handshakeMs?: number;
  uptimeMs: number;
  rpcCounts: Record<string, number>;
  /** process.memoryUsage() at exit, in KiB: where the peak RSS went. */
  memoryKb?: { heapTotal: number; heapUsed: number; external: number; arrayBuffers: number; rss: number };
  /** How the launcher's V8 code caches served each code segment: hit, miss, rejected, off (absent when not launched). */
  codeCache?: Record<string, string>;
}

export interface BenchProbe {
  /** Records that the handshake line went out now. */
  handshakeWritten(): void;
  /** Writes the report; call right before exiting. */
  write(): void;
}

/** A probe when the variable is set, else undefined (so callers pay nothing). */
export function benchProbe(rpcCounts: Record<string, number>, env: NodeJS.ProcessEnv = process.env): BenchProbe | undefined {
  const dir = env[BENCH_REPORT_ENV];
  if (!dir) return undefined;
  let handshakeMs: number | undefined;
  return {
    handshakeWritten: () => void (handshakeMs = performance.now()),
    write() {
      const cpu = process.cpuUsage();
      const report: BenchReport = {
        pid: process.pid,
        cpuUserUs: cpu.user,
        cpuSystemUs: cpu.system,
        maxRssKb: process.resourceUsage().maxRSS,
        handshakeMs,
        uptimeMs: performance.now(),
        rpcCounts,
        memoryKb: kib(process.memoryUsage()),
        codeCache: (globalThis as Record<symbol, unknown>)[Symbol.for("litellm-tf.code-cache")] as Record<string, string> | undefined,
      };
      try {
        fs.writeFileSync(path.join(dir, `provider-${process.pid}.json`), JSON.stringify(report));
      } catch {
        // A benchmark aid must never stop the provider from exiting.
      }
    },
  };
}

function kib(m: NodeJS.MemoryUsage): NonNullable<BenchReport["memoryKb"]> {
  const k = (n: number) => Math.round(n / 1024);
  return { heapTotal: k(m.heapTotal), heapUsed: k(m.heapUsed), external: k(m.external), arrayBuffers: k(m.arrayBuffers), rss: k(m.rss) };
}
