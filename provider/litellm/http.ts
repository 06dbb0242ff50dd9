// One HTTP call to LiteLLM with retries: connection errors and 429/502/503/504 are retried with exponential
// backoff and full jitter, honouring Retry-After, within a bounded total time, and cancelled by the stop signal.
import type { AxiosInstance } from "axios";
import { LiteLLMError, serverMessageFrom } from "./errors";

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts after this much time has passed since the first attempt. */
  maxTotalMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxRetries: 4, baseDelayMs: 250, maxDelayMs: 8000, maxTotalMs: 120_000 };

export interface CallOptions {
  method: "GET" | "POST";
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /**
   * Whether repeating the call after it may have reached the server is harmless. Non-idempotent calls are
   * retried only when the server certainly did not act (connection refused, 429, 503).
   */
  idempotent: boolean;
  signal?: AbortSignal;
}

export interface HttpResult {
  status: number;
  body: unknown;
  /** True when this answer came after at least one retry of a call that may have landed. */
  retried: boolean;
}

const retryableStatuses = new Set([429, 502, 503, 504]);
const notProcessedStatuses = new Set([429, 503]);

export async function callWithRetries(http: AxiosInstance, opts: CallOptions, policy: RetryPolicy, random = Math.random): Promise<HttpResult> {
  const started = Date.now();
  let mayHaveLanded = false;
  for (let attempt = 0; ; attempt++) {
    throwIfAborted(opts, mayHaveLanded);
    let status = 0;
    let body: unknown;
    let retryAfterMs: number | undefined;
    let failure: { message: string; code?: string; cause: unknown } | undefined;
    try {
      const res = await http.request({
        method: opts.method,
        url: opts.path,
        params: opts.query,
        data: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: opts.signal,
      });
      status = res.status;
      body = parseBody(res.data);
      retryAfterMs = parseRetryAfter(res.headers["retry-after"]);
    } catch (e) {
      const err = e as { code?: string; message?: string };
      if (opts.signal?.aborted) throwIfAborted(opts, true);
      failure = { message: describeNetworkError(err), code: err.code, cause: e };
    }

    if (!failure && status >= 200 && status < 300) return { status, body, retried: mayHaveLanded };

    const retryable = failure ? opts.idempotent || failure.code === "ECONNREFUSED" : retryableStatuses.has(status) && (opts.idempotent || notProcessedStatuses.has(status));
    const elapsed = Date.now() - started;
    if (!retryable || attempt >= policy.maxRetries || elapsed >= policy.maxTotalMs) {
      if (failure) throw new LiteLLMError(opts.method, opts.path, 0, failure.message, mayHaveLanded, failure.cause);
      throw new LiteLLMError(opts.method, opts.path, status, serverMessageFrom(body, `HTTP ${status}`), mayHaveLanded);
    }
    if (failure ? failure.code !== "ECONNREFUSED" : !notProcessedStatuses.has(status)) mayHaveLanded = true;
    const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt) * random();
    const wait = Math.min(Math.max(backoff, retryAfterMs ?? 0), Math.max(0, policy.maxTotalMs - elapsed));
    await sleep(wait, opts.signal);
  }
}

function throwIfAborted(opts: CallOptions, retried: boolean): void {
  if (opts.signal?.aborted) throw new LiteLLMError(opts.method, opts.path, 0, "cancelled because Terraform is stopping", retried);
}

function describeNetworkError(err: { code?: string; message?: string }): string {
  switch (err.code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ECONNRESET":
      return "the connection was reset";
    case "ECONNABORTED":
    case "ETIMEDOUT":
      return "no answer within request_timeout";
    case "ENOTFOUND":
      return "the host name in api_base does not resolve";
    default:
      return err.code ? `${err.code}: ${err.message ?? "network error"}` : err.message ?? "network error";
  }
}

function parseBody(data: unknown): unknown {
  if (typeof data !== "string") return data;
  if (data === "") return null;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

function parseRetryAfter(value: unknown): number | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
