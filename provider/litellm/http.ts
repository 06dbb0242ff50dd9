// One HTTP call to LiteLLM with retries: connection errors and 429/502/503/504 are retried with exponential
// backoff and full jitter, honouring Retry-After, within a bounded total time, and cancelled by the stop signal.
import type { AxiosInstance } from "axios";
import { LiteLLMError, serverMessageFrom } from "./errors";
import { describeNetworkError, isCertificateError, isProxyError, type NetworkFailure } from "./network-errors";

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No retry starts after this much time has passed since the first attempt. */
  maxTotalMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxRetries: 4, baseDelayMs: 250, maxDelayMs: 8000, maxTotalMs: 120_000 };

export interface CallOptions {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
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

export interface CallHooks {
  /** Jitter source, 0 ≤ x < 1. */
  random?: () => number;
  /** Removes secrets from any text that goes into an error. */
  scrub?: (text: string) => string;
}

const retryableStatuses = new Set([429, 502, 503, 504]);
/** Statuses that mean LiteLLM (or the proxy in front of it) turned the request away without acting on it. */
const notProcessedStatuses = new Set([429, 503]);

/** What one attempt produced: an answer, or a failure before any answer. */
type Attempt =
  | { kind: "answer"; status: number; body: unknown; malformed: boolean; retryAfterMs?: number }
  | { kind: "failure"; failure: NetworkFailure };

export async function callWithRetries(http: AxiosInstance, opts: CallOptions, policy: RetryPolicy, hooks: CallHooks = {}): Promise<HttpResult> {
  const random = hooks.random ?? Math.random;
  const scrub = hooks.scrub ?? ((s: string) => s);
  const started = Date.now();
  // Serialised once, outside the attempts: a body that cannot be sent is a bug to report, not a failure to retry.
  const data = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  // Whether an earlier attempt may have reached LiteLLM and changed something.
  let earlierMayHaveActed = false;
  for (let attempt = 0; ; attempt++) {
    throwIfAborted(opts, earlierMayHaveActed);
    const result = await attemptOnce(http, opts, data);
    if (result.kind === "answer" && result.status >= 200 && result.status < 300 && !result.malformed) {
      return { status: result.status, body: result.body, retried: earlierMayHaveActed };
    }

    const verdict = judge(result, opts.idempotent);
    const mayHaveActed: boolean = earlierMayHaveActed || verdict.mayHaveActed;
    const fail = (extra = ""): never => {
      throw errorFor(opts, result, scrub, earlierMayHaveActed, mayHaveActed, extra);
    };
    if (!verdict.retryable) fail();
    const elapsed = Date.now() - started;
    const left = policy.maxTotalMs - elapsed;
    if (attempt >= policy.maxRetries) fail(policy.maxRetries > 0 ? ` (gave up after ${attempt + 1} attempts)` : "");
    if (left <= 0) fail(` (gave up after ${attempt + 1} attempts in ${Math.round(elapsed / 1000)} s)`);
    const retryAfterMs = result.kind === "answer" ? result.retryAfterMs : undefined;
    if (retryAfterMs !== undefined && retryAfterMs > left) {
      fail(` (LiteLLM asked to retry after ${Math.ceil(retryAfterMs / 1000)} s, beyond the ${Math.round(policy.maxTotalMs / 1000)} s retry budget)`);
    }
    earlierMayHaveActed = mayHaveActed;
    const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt) * random();
    await sleep(Math.min(Math.max(backoff, retryAfterMs ?? 0), left), opts.signal);
  }
}

async function attemptOnce(http: AxiosInstance, opts: CallOptions, data: string | undefined): Promise<Attempt> {
  try {
    const res = await http.request({
      method: opts.method,
      url: opts.path,
      params: opts.query,
      data,
      signal: opts.signal,
    });
    const parsed = parseBody(res.data, String(res.headers["content-type"] ?? ""));
    return { kind: "answer", status: res.status, ...parsed, retryAfterMs: parseRetryAfter(res.headers["retry-after"]) };
  } catch (e) {
    // Cancelled by StopProvider: the request may have been sent already.
    if (opts.signal?.aborted) throwIfAborted(opts, true);
    const err = (e ?? {}) as { code?: unknown; message?: unknown };
    return {
      kind: "failure",
      failure: { code: typeof err.code === "string" ? err.code : undefined, message: typeof err.message === "string" ? err.message : String(e) },
    };
  }
}

/** Whether to try again, and whether this attempt may have changed something on the server. */
function judge(result: Attempt, idempotent: boolean): { retryable: boolean; mayHaveActed: boolean } {
  if (result.kind === "failure") {
    const { code } = result.failure;
    if (isCertificateError(code) || isProxyError(code)) return { retryable: false, mayHaveActed: false };
    // The same oversized answer would come again; LiteLLM may have acted on the request that produced it.
    if (code === "ERR_RESPONSE_TOO_LARGE") return { retryable: false, mayHaveActed: true };
    // A refused connection never reached LiteLLM; anything else (reset, timeout) may have.
    const refused = code === "ECONNREFUSED";
    return { retryable: refused || idempotent, mayHaveActed: !refused };
  }
  if (result.status >= 200 && result.status < 300) {
    // LiteLLM acted, but the answer arrived broken (truncated JSON): the same as an answer lost on the way.
    return { retryable: idempotent, mayHaveActed: true };
  }
  if (!retryableStatuses.has(result.status)) return { retryable: false, mayHaveActed: result.status >= 500 };
  const turnedAway = notProcessedStatuses.has(result.status);
  return { retryable: turnedAway || idempotent, mayHaveActed: !turnedAway };
}

function errorFor(opts: CallOptions, result: Attempt, scrub: (s: string) => string, retried: boolean, mayHaveActed: boolean, extra: string): LiteLLMError {
  if (result.kind === "failure") {
    const { code, message } = result.failure;
    // Only the code and a scrubbed message are kept: the library's error holds the request headers (the master key).
    return new LiteLLMError(opts.method, opts.path, 0, scrub(describeNetworkError(result.failure)) + extra, retried, { code, message: scrub(message) }, mayHaveActed);
  }
  const what = result.malformed
    ? "the answer is not valid JSON (truncated or corrupted on the way)"
    : serverMessageFrom(result.body, `HTTP ${result.status}`);
  return new LiteLLMError(opts.method, opts.path, result.status, scrub(what) + extra, retried, undefined, mayHaveActed);
}

function throwIfAborted(opts: CallOptions, mayHaveActed: boolean): void {
  if (opts.signal?.aborted) {
    throw new LiteLLMError(opts.method, opts.path, 0, "cancelled because Terraform is stopping", mayHaveActed, { code: "ERR_CANCELED" }, mayHaveActed);
  }
}

/**
 * JSON bodies are parsed; a body that claims to be JSON (or looks like it) but does not parse is malformed.
 * Other text (an HTML error page from a load balancer) is kept as text.
 */
function parseBody(data: unknown, contentType: string): { body: unknown; malformed: boolean } {
  if (typeof data !== "string") return { body: data, malformed: false };
  if (data.trim() === "") return { body: null, malformed: false };
  try {
    return { body: JSON.parse(data), malformed: false };
  } catch {
    const looksJson = /\bjson\b/i.test(contentType) || /^\s*[[{]/.test(data);
    return looksJson ? { body: null, malformed: true } : { body: data, malformed: false };
  }
}

export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
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
