// axios's transport for the LiteLLM client: each request goes to an undici dispatcher (undici-transport.ts).
// axios's own http adapter sits on Node's http client and brings redirects, streams and form data the provider
// never uses (JSON in, text out); in a short-lived provider process that machinery cost most of each call
// (docs/performance.md). This adapter asks undici for one exchange and holds it to the provider's rules:
// request_timeout covers the whole exchange, answers are bounded, and any answer it refuses drops its connection.
import type { AxiosAdapter, AxiosResponse, AxiosStatic, InternalAxiosRequestConfig } from "axios";
import type { Dispatcher } from "undici";
import { decodeContent, formatBytes } from "./content-decoding";
import { transportError, TransportError } from "./transport-errors";
import type { HttpTransport } from "./undici-transport";

export function axiosAdapter(axios: AxiosStatic, transport: HttpTransport): AxiosAdapter {
  const { AxiosError, CanceledError } = axios;

  return (config: InternalAxiosRequestConfig) =>
    new Promise<AxiosResponse>((resolve, reject) => {
      let target: Target;
      try {
        target = requestTarget(config);
      } catch (e) {
        return reject(AxiosError.from(e as Error, "ERR_INVALID_URL", config));
      }
      if (target.protocol !== "http:" && target.protocol !== "https:") {
        return reject(new AxiosError(`unsupported protocol ${target.protocol}`, "ERR_BAD_REQUEST", config));
      }
      if (config.signal?.aborted) return reject(new CanceledError(undefined, config));

      const method = (config.method ?? "get").toUpperCase();
      let body: Buffer | undefined;
      let dispatcher: Dispatcher;
      try {
        body = requestBody(config.data);
        dispatcher = transport.dispatcherFor(target.origin);
      } catch (e) {
        const err = e as Error & { code?: string };
        return reject(AxiosError.from(err, err.code ?? "ERR_BAD_REQUEST", config));
      }
      const headers = requestHeaders(config, target);
      if (body) headers["content-length"] = String(body.length);
      const request = { method, path: target.path };
      const endpoint = `${method} ${target.origin}${target.path.replace(/\?.*$/, "")}`;
      const limit = transport.maxResponseBytes;

      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      let controller: Dispatcher.DispatchController | undefined;
      /** An abort asked for before undici handed over its controller. */
      let pendingAbort: Error | undefined;
      const abort = (reason: Error) => {
        if (controller) controller.abort(reason);
        else pendingAbort = reason;
      };
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        if (timer) clearTimeout(timer);
        config.signal?.removeEventListener?.("abort", onAbort);
        fn();
      };
      const fail = (error: Error) => finish(() => reject(error));
      const onAbort = () => {
        fail(new CanceledError(undefined, config));
        abort(new TransportError("the request was cancelled", "ERR_CANCELED"));
      };
      config.signal?.addEventListener?.("abort", onAbort);
      if (config.timeout) {
        // The whole exchange, not socket inactivity: a server that trickles its answer is cut off on time.
        timer = setTimeout(() => {
          fail(new AxiosError(`timeout of ${config.timeout}ms exceeded`, "ECONNABORTED", config, request));
          abort(new TransportError(`timeout of ${config.timeout}ms exceeded`, "ECONNABORTED"));
        }, config.timeout);
      }

      let status = 0;
      let statusText = "";
      let responseHeaders: Record<string, string> = {};
      const chunks: Buffer[] = [];
      let received = 0;
      /** Refuses the answer: the error goes to the caller and undici drops the connection. */
      const refuse = (c: Dispatcher.DispatchController, error: TransportError) => {
        fail(AxiosError.from(error, error.code, config, request));
        c.abort(error);
      };

      dispatcher.dispatch(
        {
          origin: target.origin,
          path: target.path,
          method: method as Dispatcher.HttpMethod,
          headers,
          body,
          // Our timer bounds the exchange; undici's own timers only back it up.
          headersTimeout: config.timeout || undefined,
          bodyTimeout: config.timeout || undefined,
        },
        {
          onRequestStart(c) {
            controller = c;
            if (pendingAbort) c.abort(pendingAbort);
          },
          onResponseStart(c, statusCode, head, message) {
            if (statusCode < 100 || statusCode > 599) {
              return refuse(c, new TransportError(`the answer's status code ${statusCode} is outside 100-599`, "HPE_INVALID_STATUS"));
            }
            // An interim 1xx answer (103 Early Hints) is followed by the real one.
            if (statusCode < 200) return;
            const declared = Number(head["content-length"]);
            if (declared > limit) return refuse(c, tooLarge(endpoint, limit, `announces ${formatBytes(declared)}, more`));
            status = statusCode;
            statusText = message ?? "";
            responseHeaders = flatten(head);
          },
          onResponseData(c, chunk) {
            received += chunk.length;
            if (received > limit) return refuse(c, tooLarge(endpoint, limit, "is larger"));
            chunks.push(chunk);
          },
          onResponseEnd() {
            if (settled) return;
            let data: Buffer;
            try {
              data = decodeContent(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), responseHeaders["content-encoding"], limit);
            } catch (e) {
              const err = e as Error & { code?: string };
              if (err.code === "ERR_BUFFER_TOO_LARGE") return fail(AxiosError.from(tooLarge(endpoint, limit, "decompresses to more"), "ERR_RESPONSE_TOO_LARGE", config, request));
              return fail(new AxiosError(`the answer's ${responseHeaders["content-encoding"]} encoding is broken: ${err.message}`, "ERR_BAD_RESPONSE", config, request));
            }
            const response: AxiosResponse = {
              data: data.toString("utf8"),
              status,
              statusText,
              headers: responseHeaders as AxiosResponse["headers"],
              config,
              request,
            };
            const valid = config.validateStatus ? config.validateStatus(response.status) : true;
            const settle = valid
              ? () => finish(() => resolve(response))
              : () => fail(new AxiosError(`Request failed with status code ${response.status}`, response.status < 500 ? "ERR_BAD_REQUEST" : "ERR_BAD_RESPONSE", config, request, response));
            // undici frees a new connection for its next request only after this callback, two turns of the event
            // loop later: a request sent sooner would open a second connection instead of reusing this one. The
            // first answers (while connections open) wait those turns; later ones, on warm connections, settle at
            // once, since the two turns cost ~15 % of a call's CPU (docs/performance.md).
            if (transport.warmingUp()) setImmediate(() => setImmediate(settle));
            else settle();
          },
          onResponseError(_c, e) {
            if (settled) return;
            const err = transportError(e);
            fail(AxiosError.from(err, err.code, config, request));
          },
        },
      );
    });
}

function tooLarge(endpoint: string, limit: number, what: string): TransportError {
  return new TransportError(`the answer to ${endpoint} ${what} than the ${formatBytes(limit)} limit; the connection was dropped`, "ERR_RESPONSE_TOO_LARGE");
}

/** undici's header object (lower-case names, repeated headers as arrays) as axios shows headers. */
function flatten(head: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in head) {
    const value = head[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

interface Target {
  protocol: string;
  /** "http://host:port", as undici wants it. */
  origin: string;
  username: string;
  password: string;
  /** Path and query string. */
  path: string;
}

function requestHeaders(config: InternalAxiosRequestConfig, target: Target): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.headers.toJSON(true) as Record<string, unknown>)) {
    if (value !== undefined && value !== null && value !== false) headers[name] = String(value);
  }
  if ((target.username || target.password) && !Object.keys(headers).some((h) => h.toLowerCase() === "authorization")) {
    headers.Authorization = `Basic ${Buffer.from(`${target.username}:${target.password}`).toString("base64")}`;
  }
  return headers;
}

/** baseURL + url + params, as axios would join them (params that are undefined or null are left out). */
function requestTarget(config: InternalAxiosRequestConfig): Target {
  const url = config.url ?? "";
  const absolute = !config.baseURL || (url[0] !== "/" && /^[a-z][a-z\d+.-]*:\/\//i.test(url));
  // The base is parsed once per instance, not per request: URL parsing is a measurable part of a call.
  const origin = parsedOrigin(absolute ? url : config.baseURL!);
  let path = absolute ? origin.path : origin.path.replace(/\/+$/, "") + "/" + url.replace(/^\/+/, "");
  const params = (config.params ?? {}) as Record<string, unknown>;
  for (const name in params) {
    const value = params[name];
    if (value === undefined || value === null) continue;
    path += (path.includes("?") ? "&" : "?") + encodeURIComponent(name) + "=" + encodeURIComponent(String(value));
  }
  return { ...origin, path };
}

const parsedOrigins = new Map<string, Target>();
function parsedOrigin(text: string): Target {
  let target = parsedOrigins.get(text);
  if (!target) {
    const u = new URL(text);
    target = { protocol: u.protocol, origin: u.origin, username: decodeURIComponent(u.username), password: decodeURIComponent(u.password), path: u.pathname + u.search };
    // Absolute request URLs (rare) are not kept: only bases repeat.
    if (parsedOrigins.size < 16) parsedOrigins.set(text, target);
  }
  return target;
}

function requestBody(data: unknown): Buffer | undefined {
  if (data === undefined || data === null) return undefined;
  if (Buffer.isBuffer(data)) return data;
  if (typeof data === "string") return Buffer.from(data, "utf8");
  throw new TypeError("the LiteLLM transport sends JSON text only");
}
