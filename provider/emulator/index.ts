// An in-memory LiteLLM proxy (user and key management API) for offline tests, the demo and benchmarks.
// It imports nothing from the rest of provider/ but the logger, so it tests the client instead of agreeing with it.

import { randomUUID } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { createLogger, registerSecret } from "../log";
import { FaultInjector } from "./faults";
import { RequestLog } from "./request-log";
import { RequestPipeline } from "./server";
import { EmulatorStore } from "./store";
import { noProxySettings, type ProxySettings } from "./proxy-settings";

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  masterKey?: string;
  /** Behave like LiteLLM ≤ 1.80.7 (see docs/emulator.md). */
  legacy?: boolean;
  /** Behave as with an enterprise licence: team admins can be assigned (default false, like open-source LiteLLM). */
  enterprise?: boolean;
  /** PEM text; serve https when given. */
  tls?: { cert: string; key: string };
  /** Seed for probabilistic fault rules. */
  seed?: number;
  /** Epoch milliseconds; lets tests pin timestamps and budget resets. */
  clock?: () => number;
  /** A configured proxy: what its config.yaml sets (parseProxyConfig). Default: no settings. */
  settings?: ProxySettings;
}

export interface RunningEmulator {
  url: string;
  port: number;
  legacy: boolean;
  enterprise: boolean;
  store: EmulatorStore;
  faults: FaultInjector;
  requests: RequestLog;
  /** Empties users, keys, teams, fault rules and the request log. */
  reset(): void;
  close(): Promise<void>;
}

export const DEFAULT_MASTER_KEY = "sk-1234";

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const masterKey = options.masterKey ?? DEFAULT_MASTER_KEY;
  const legacy = options.legacy ?? false;
  const enterprise = options.enterprise ?? false;
  registerSecret(masterKey);
  const logger = createLogger("litellm-emulator");
  const store = new EmulatorStore();
  const faults = new FaultInjector(options.seed ?? 1);
  const requests = new RequestLog();
  const reset = () => {
    store.clear();
    faults.clear();
    requests.clear();
  };

  const pipeline = new RequestPipeline({
    store, faults, requests, masterKey, legacy, enterprise, reset,
    settings: options.settings ?? noProxySettings,
    now: options.clock ?? Date.now,
    newUserId: randomUUID,
    onHandlerError: (error) => logger.error("emulator handler failed", { error }),
    onRequest: (method, path, status, ms) => logger.debug("request", { method, path, status, ms }),
  });
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, pipeline.listener) : http.createServer(pipeline.listener);
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  return {
    url: `${options.tls ? "https" : "http"}://${urlHost}:${port}`,
    port,
    legacy,
    enterprise,
    store,
    faults,
    requests,
    reset,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        pipeline.shutdown();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

export { EmulatorStore } from "./store";
export { parseProxyConfig, ProxyConfigError, type ProxySettings } from "./proxy-settings";
export type { UserRow, KeyRow } from "./rows";
export type { TeamRow, TeamMember, MembershipRow, BudgetRow } from "./team-rows";
export type { FaultRule, FaultAction, FaultMatch, ActiveFault } from "./faults";
export type { RequestLogEntry } from "./request-log";
