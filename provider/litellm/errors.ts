// A failed call to LiteLLM: the status, LiteLLM's own message, and whether the call had been retried.
// Decisions are made on the status, never on the message text.
import { isCertificateError, isProxyError } from "./network-errors";

export class LiteLLMError extends Error {
  override readonly name = "LiteLLMError";
  /** True when this call (any attempt, the last one included) may have changed something on LiteLLM. */
  readonly mayHaveActed: boolean;
  constructor(
    readonly method: string,
    readonly path: string,
    /** HTTP status, or 0 when no answer came (connection error, timeout, cancel). */
    readonly status: number,
    readonly serverMessage: string,
    /** True when an earlier attempt of the same call may have reached the server. */
    readonly retried: boolean,
    /** For status 0: the network error's code and (scrubbed) message; never the HTTP library's error object. */
    override readonly cause?: { code?: string; message?: string },
    mayHaveActed?: boolean,
  ) {
    super(describe(method, path, status, serverMessage, cause?.code));
    this.mayHaveActed = mayHaveActed ?? retried;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
  get isConflict(): boolean {
    return this.status === 409;
  }
  /** Cancelled by StopProvider (Ctrl-C). */
  get isCancelled(): boolean {
    return this.status === 0 && this.cause?.code === "ERR_CANCELED";
  }
}

export function isLiteLLMError(e: unknown): e is LiteLLMError {
  return e instanceof Error && e.name === "LiteLLMError";
}

function describe(method: string, path: string, status: number, message: string, code: string | undefined): string {
  const what = status === 0 ? `${method} ${path} failed: ${message}` : `LiteLLM answered ${status} to ${method} ${path}: ${message}`;
  return `${what}${hint(status, code)}`;
}

function hint(status: number, code: string | undefined): string {
  if (status === 0) {
    if (code === "ERR_CANCELED" || code === "ERR_RESPONSE_TOO_LARGE" || isCertificateError(code) || isProxyError(code)) return "";
    return " Check that api_base points at a running LiteLLM proxy and that it is reachable from here; raise request_timeout for a slow proxy.";
  }
  if (status === 401) return " Check api_key (or LITELLM_API_KEY): it must be the proxy's master key.";
  if (status === 403) return " The key is not allowed to manage users; use the proxy's master key.";
  if (status === 429 || status >= 500) return " LiteLLM is overloaded or failing; retry later, or raise max_retries.";
  return "";
}

/** LiteLLM's message from any of its error body shapes (ProxyException, FastAPI detail, 422 lists). */
export function serverMessageFrom(body: unknown, fallback: string): string {
  if (typeof body === "string") return body.trim() ? truncate(body.trim()) : fallback;
  if (body === null || typeof body !== "object") return fallback;
  const b = body as Record<string, unknown>;
  if (b.error && typeof b.error === "object") {
    const m = (b.error as Record<string, unknown>).message;
    if (typeof m === "string") return truncate(unwrapPythonRepr(m));
  }
  if (typeof b.error === "string") return truncate(b.error);
  const detail = b.detail;
  if (typeof detail === "string") return truncate(detail);
  if (Array.isArray(detail)) {
    return truncate(
      detail
        .map((d) => {
          const item = d as { loc?: unknown[]; msg?: string };
          const field = Array.isArray(item.loc) ? item.loc.filter((x) => x !== "body").join(".") : "";
          return field ? `${field}: ${item.msg ?? "invalid"}` : item.msg ?? "invalid";
        })
        .join("; "),
    );
  }
  if (detail && typeof detail === "object" && typeof (detail as Record<string, unknown>).error === "string") {
    return truncate((detail as Record<string, string>).error);
  }
  return fallback;
}

/** LiteLLM renders dict details as Python reprs: "{'error': 'User with email x already exists'}". */
function unwrapPythonRepr(m: string): string {
  const match = /^\{'error': ['"](.*)['"]\}$/s.exec(m.trim());
  return match ? match[1] : m;
}

function truncate(s: string): string {
  return s.length > 500 ? `${s.slice(0, 500)}…` : s;
}
