// The parent's side of emulator-host.ts: start it, ask for its usage, reset it, stop it.
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { HostReply, HostRequest } from "./emulator-host";

export interface EmulatorUsage {
  cpuMs: number;
  requests: number;
}

export interface BenchEmulator {
  url: string;
  masterKey: string;
  pid: number;
  usage(): Promise<EmulatorUsage>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startBenchEmulator(): Promise<BenchEmulator> {
  const masterKey = `sk-bench-${randomBytes(12).toString("hex")}`;
  const child = fork(path.join(__dirname, "emulator-host.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_EMULATOR_KEY: masterKey, TF_LOG: "", TF_LOG_PROVIDER: "" },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const ready = await reply(child, "ready");
  const ask = async <T extends HostReply["type"]>(request: HostRequest, type: T) => {
    child.send(request);
    return reply(child, type);
  };
  return {
    url: ready.url,
    masterKey,
    pid: child.pid!,
    async usage() {
      const u = await ask({ type: "usage" }, "usage");
      return { cpuMs: u.cpuUs / 1000, requests: u.requests };
    },
    async reset() {
      await ask({ type: "reset" }, "reset");
    },
    async stop() {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.send({ type: "stop" });
      await exited;
    },
  };
}

function reply<T extends HostReply["type"]>(child: ChildProcess, type: T): Promise<Extract<HostReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: HostReply) => {
      if (m.type !== type) return;
      cleanup();
      resolve(m as Extract<HostReply, { type: T }>);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`the benchmark emulator exited (${code}) before answering ${type}`));
    };
    const cleanup = () => {
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}
