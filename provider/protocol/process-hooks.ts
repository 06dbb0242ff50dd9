// Process behaviour of a go-plugin plugin: Ctrl-C is Terraform's to handle (it sends StopProvider),
// SIGTERM stops us cleanly, and a stray exception is logged instead of killing every in-flight RPC.

import type { Logger } from "../log";

export interface ProcessHookOptions {
  logger: Logger;
  onTerminate(reason: string): void;
}

export function installProcessHooks({ logger, onTerminate }: ProcessHookOptions): void {
  // We share Terraform's process group, so Ctrl-C reaches us too; Node would exit by default.
  process.on("SIGINT", () => logger.debug("Ignoring SIGINT; Terraform cancels through StopProvider"));
  process.on("SIGTERM", () => onTerminate("SIGTERM"));
  process.on("uncaughtException", (e) => logger.error("Uncaught exception; still serving", describe(e)));
  process.on("unhandledRejection", (e) => logger.error("Unhandled promise rejection; still serving", describe(e)));
  // A host that stopped reading our pipes must not turn every later log line into a crash.
  process.stderr.on("error", () => {});
  process.stdout.on("error", () => {});
  keepConsoleOffStdout(logger);
}

/** Stdout carries the handshake line alone; anything a library prints goes to the log instead. */
function keepConsoleOffStdout(logger: Logger): void {
  const toLog = (...args: unknown[]) => logger.debug(args.map((a) => (typeof a === "string" ? a : String(a))).join(" "));
  console.log = toLog;
  console.info = toLog;
  console.debug = toLog;
}

function describe(e: unknown): Record<string, unknown> {
  if (e instanceof Error) return { error: e.message, stack: e.stack?.split("\n").slice(1, 8).join("\n") };
  return { error: String(e) };
}
