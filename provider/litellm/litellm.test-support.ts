// Helpers for the client's tests: one emulator per test file (reset before each test) and clients pointed at it.
import { randomBytes } from "node:crypto";
import net, { type AddressInfo } from "node:net";
import { after, before, beforeEach } from "node:test";
import { startEmulator, type FaultRule, type RunningEmulator } from "../emulator";
import { LiteLLMClient, type ClientOptions } from "./client";
import type { RetryPolicy } from "./http";

export interface ClientFixture {
  readonly emu: RunningEmulator;
  readonly masterKey: string;
  client(options?: Partial<ClientOptions> & { retry?: Partial<RetryPolicy> }): LiteLLMClient;
  faults(...rules: FaultRule[]): void;
  /** Requests the emulator saw for "METHOD /path", in order. */
  requestsTo(method: string, path: string): { status: number | null; outcome: string; faultId: number | null }[];
}

/** Quick retries by default, so that tests spend their time on what they check. */
export const fastRetries: Partial<RetryPolicy> = { maxRetries: 4, baseDelayMs: 5, maxDelayMs: 20, maxTotalMs: 60_000 };

export function useClientFixture(): ClientFixture {
  const masterKey = `sk-master-${randomBytes(16).toString("hex")}`;
  let emu: RunningEmulator | undefined;
  before(async () => {
    emu = await startEmulator({ port: 0, masterKey, seed: 7 });
  });
  beforeEach(() => emu!.reset());
  after(async () => {
    await emu?.close();
  });
  return {
    get emu() {
      return emu!;
    },
    masterKey,
    client: (options = {}) =>
      new LiteLLMClient({ apiBase: emu!.url, apiKey: masterKey, timeoutMs: 5_000, ...options, retry: { ...fastRetries, ...options.retry } }),
    faults: (...rules) => void emu!.faults.add(rules),
    requestsTo: (method, path) =>
      emu!.requests
        .entries()
        .filter((r) => r.method === method && r.path === path)
        .map(({ status, outcome, faultId }) => ({ status, outcome, faultId })),
  };
}

/** Runs a call that must fail and returns its error. */
export async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof Error) return e;
    throw new Error(`rejected with a non-Error: ${String(e)}`);
  }
  throw new Error("the call succeeded but was expected to fail");
}

/** A port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
