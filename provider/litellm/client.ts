// The LiteLLM management API client: typed calls, the master key as a Bearer token, retries, timeouts, TLS.
import type { AxiosInstance, AxiosStatic } from "axios";
import { isLiteLLMError, LiteLLMError } from "./errors";
import { expectObject, malformed, num, str } from "./answers";
import { callWithRetries, defaultRetryPolicy, type CallOptions, type HttpResult, type RetryPolicy } from "./http";
import { axiosAdapter } from "./axios-adapter";
import { HttpTransport } from "./undici-transport";
import type { ProxyEnv } from "./proxy-environment";
import { secretScrubber } from "./scrub";
import { SharedReads } from "./shared-reads";
import { allPages } from "./paging";
import type { GenerateKeyRequest, LiteLLMKeyRow, LiteLLMUser, NewUserRequest, NewUserResponse, UserFields, UserInfo } from "./types";

export interface ClientOptions {
  apiBase: string;
  apiKey: string;
  timeoutMs: number;
  retry?: Partial<RetryPolicy>;
  /** Extra PEM certificate authorities to trust. */
  caPem?: string;
  insecureSkipVerify?: boolean;
  userAgent?: string;
  /** The largest answer accepted, on the wire and decompressed (default 16 MiB). */
  maxResponseBytes?: number;
  /** Where HTTP_PROXY, HTTPS_PROXY and NO_PROXY are read (default: this process's environment). */
  proxyEnv?: ProxyEnv;
  /**
   * The header the master key goes in, for a proxy with general_settings.litellm_key_header_name; default
   * Authorization. Its value is a secret like the key: never logged.
   */
  apiKeyHeader?: string;
}

/** The header that carries the master key: `Authorization: Bearer <key>` unless the proxy names another one. */
export function masterKeyHeader(apiKey: string, headerName?: string): Record<string, string> {
  const name = headerName?.trim() || "Authorization";
  // LiteLLM strips an optional "Bearer " from the custom header too, so one form serves both.
  return { [name]: `Bearer ${apiKey}` };
}

export class LiteLLMClient {
  private readonly http: AxiosInstance;
  private readonly policy: RetryPolicy;
  private readonly scrub: (text: string) => string;
  private readonly reads = new SharedReads();

  constructor(options: ClientOptions) {
    this.http = createHttp(options);
    this.policy = { ...defaultRetryPolicy, ...options.retry };
    this.scrub = secretScrubber(options.apiKey);
  }

  private async call(opts: CallOptions) {
    if (opts.method === "GET") return callWithRetries(this.http, opts, this.policy, { scrub: this.scrub });
    try {
      return await callWithRetries(this.http, opts, this.policy, { scrub: this.scrub });
    } finally {
      this.reads.wrote(); // reads begun before this write may not show it: later callers read afresh
    }
  }

  /** One call with this client's connection, retries and scrubbing, for the API areas kept in other files (teams.ts). */
  send(opts: CallOptions): Promise<HttpResult> {
    return this.call(opts);
  }

  /** One read for the concurrent callers of the same key, never joined across a write (shared-reads.ts). */
  shared<T>(key: string, read: () => Promise<T>): Promise<T> {
    return this.reads.run(key, read);
  }

  /**
   * POST /user/new. A user_id chosen by the caller makes a retried create safe: when an earlier attempt landed
   * but its answer was lost, the retry gets 409 for that user_id, and reading the user settles it. The key that
   * attempt minted is lost with its answer, so `key` is "" then and `retried` is true. Any 4xx on a retry is
   * checked the same way: LiteLLM up to 1.80.7 answers 400 for the (duplicate) email instead.
   */
  async newUser(body: NewUserRequest, signal?: AbortSignal): Promise<NewUserResponse & { retried: boolean }> {
    const userId = body.user_id;
    let res;
    try {
      res = await this.call({ method: "POST", path: "/user/new", body, idempotent: userId !== undefined, signal });
    } catch (e) {
      // LiteLLM answers a duplicate with 409 (400 up to 1.80.7, for the email): on a retry, the duplicate may be ours.
      if (userId === undefined || !isLiteLLMError(e) || !e.retried || e.status < 400 || e.status >= 500) throw e;
      let mine: UserInfo | null;
      try {
        mine = await this.userInfo(userId, signal);
      } catch {
        throw e; // Undecided: the caller must assume the user may exist.
      }
      if (mine) return { user_id: userId, key: "", retried: true };
      // No user has our id, so no attempt landed: the conflict is real (another user has this email).
      throw new LiteLLMError(e.method, e.path, e.status, e.serverMessage, false, undefined, false);
    }
    const b = expectObject(res.body, "POST", "/user/new");
    if (typeof b.user_id !== "string") throw malformed("POST", "/user/new", "no user_id in the answer");
    return { user_id: b.user_id, key: typeof b.key === "string" ? b.key : "", retried: res.retried };
  }

  /** GET /user/info. null when the user does not exist: 404 now, or 200 with an empty user_info up to 1.80.7. */
  async userInfo(userId: string, signal?: AbortSignal): Promise<UserInfo | null> {
    try {
      const res = await this.call({ method: "GET", path: "/user/info", query: { user_id: userId }, idempotent: true, signal });
      const b = expectObject(res.body, "GET", "/user/info");
      const info = b.user_info as Record<string, unknown> | null | undefined;
      if (!info || typeof info !== "object" || typeof info.user_id !== "string") return null;
      return { user: toUser(info), keys: Array.isArray(b.keys) ? b.keys.map(toKeyRow) : [] };
    } catch (e) {
      if (e instanceof LiteLLMError && e.isNotFound) return null;
      throw e;
    }
  }

  /** Users whose email is exactly `email`, compared as LiteLLM does: trimmed and case-insensitive. */
  async findUsersByEmail(email: string, signal?: AbortSignal): Promise<LiteLLMUser[]> {
    const wanted = email.trim().toLowerCase();
    const rows = await allPages(this, "/user/list", { user_email: email.trim() }, "page_size", (b) => (Array.isArray(b.users) ? b.users : []), signal);
    return rows.map((u) => toUser(u as Record<string, unknown>)).filter((user) => (user.user_email ?? "").trim().toLowerCase() === wanted);
  }

  async updateUser(userId: string, fields: UserFields, signal?: AbortSignal): Promise<void> {
    const res = await this.call({ method: "POST", path: "/user/update", body: { ...fields, user_id: userId }, idempotent: true, signal });
    expectObject(res.body, "POST", "/user/update");
  }

  /** POST /user/delete; false when LiteLLM no longer has the user. */
  async deleteUser(userId: string, signal?: AbortSignal): Promise<boolean> {
    try {
      await this.call({ method: "POST", path: "/user/delete", body: { user_ids: [userId] }, idempotent: true, signal });
      return true;
    } catch (e) {
      if (e instanceof LiteLLMError && e.isNotFound) return false;
      throw e;
    }
  }

  /** POST /key/generate; returns the raw key. Not idempotent: retried only when LiteLLM certainly did not act. */
  async generateKey(body: GenerateKeyRequest, signal?: AbortSignal): Promise<{ key: string; token: string | null }> {
    const res = await this.call({ method: "POST", path: "/key/generate", body, idempotent: false, signal });
    const b = expectObject(res.body, "POST", "/key/generate");
    if (typeof b.key !== "string" || !b.key) throw malformed("POST", "/key/generate", "no key in the answer");
    return { key: b.key, token: typeof b.token === "string" ? b.token : null };
  }

  /** POST /key/delete for raw keys or their sha256 tokens; false when none of them existed. */
  async deleteKeys(keys: string[], signal?: AbortSignal): Promise<boolean> {
    try {
      await this.call({ method: "POST", path: "/key/delete", body: { keys }, idempotent: true, signal });
      return true;
    } catch (e) {
      if (e instanceof LiteLLMError && e.isNotFound) return false;
      throw e;
    }
  }
}

function createHttp(o: ClientOptions): AxiosInstance {
  // Loaded on first use: validate-only provider processes never pay for axios.
  const axios = require("axios") as AxiosStatic;
  const base = o.apiBase.replace(/\/+$/, "");
  const transport = new HttpTransport({
    // Idle connections are dropped before LiteLLM's server (uvicorn keeps them 5 s) closes them, so a call
    // that is not safe to retry never goes out on a connection the server is closing.
    idleSocketMs: 4000,
    rejectUnauthorized: !o.insecureSkipVerify,
    ca: o.caPem ? [...(require("node:tls") as typeof import("node:tls")).rootCertificates, o.caPem] : undefined,
    maxResponseBytes: o.maxResponseBytes,
    env: o.proxyEnv,
  });
  return axios.create({
    baseURL: base,
    timeout: o.timeoutMs,
    headers: {
      ...masterKeyHeader(o.apiKey, o.apiKeyHeader),
      "Content-Type": "application/json",
      Accept: "application/json",
      "User-Agent": o.userAgent ?? "litellm-tf",
    },
    responseType: "text",
    transformResponse: [(d: unknown) => d],
    validateStatus: () => true,
    adapter: axiosAdapter(axios, transport),
  });
}

export function toUser(r: Record<string, unknown>): LiteLLMUser {
  return {
    user_id: String(r.user_id),
    user_email: str(r.user_email),
    user_alias: str(r.user_alias),
    user_role: str(r.user_role),
    max_budget: num(r.max_budget),
    budget_duration: str(r.budget_duration),
    tpm_limit: num(r.tpm_limit),
    rpm_limit: num(r.rpm_limit),
    models: Array.isArray(r.models) ? r.models.filter((m): m is string => typeof m === "string") : [],
    metadata: jsonObject(r.metadata),
    max_parallel_requests: num(r.max_parallel_requests),
    model_max_budget: jsonObject(r.model_max_budget),
    teams: Array.isArray(r.teams) ? r.teams.filter((t): t is string => typeof t === "string") : [],
    spend: num(r.spend) ?? 0,
    created_at: str(r.created_at),
    updated_at: str(r.updated_at),
  };
}

function jsonObject(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function toKeyRow(k: unknown): LiteLLMKeyRow {
  const r = (k && typeof k === "object" ? k : {}) as Record<string, unknown>;
  return {
    token: String(r.token ?? ""),
    key_alias: str(r.key_alias),
    key_name: str(r.key_name),
    expires: str(r.expires),
    created_at: str(r.created_at),
    blocked: typeof r.blocked === "boolean" ? r.blocked : null,
    team_id: str(r.team_id),
  };
}
