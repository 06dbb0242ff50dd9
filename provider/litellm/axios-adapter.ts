// axios's transport for the LiteLLM client: each request goes out on our HTTP/1.1 connection pool.
// axios's own http adapter also follows redirects, decompresses, handles proxies, streams and form data,
// and sits on Node's http client; the provider needs none of that (JSON in, text out, no redirects, no
// proxy), and in a short-lived provider process that machinery cost most of each call (docs/performance.md).
import type { AxiosAdapter, AxiosResponse, AxiosStatic, InternalAxiosRequestConfig } from "axios";
import type { Http1ConnectionPool, Http1Request } from "./http1-connection-pool";

export function axiosAdapter(axios: AxiosStatic, pool: Http1ConnectionPool): AxiosAdapter {
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

      const body = requestBody(config.data);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(config.headers.toJSON(true) as Record<string, unknown>)) {
        if (value !== undefined && value !== null && value !== false) headers[name] = String(value);
      }
      if ((target.username || target.password) && !Object.keys(headers).some((h) => h.toLowerCase() === "authorization")) {
        headers.Authorization = `Basic ${Buffer.from(`${target.username}:${target.password}`).toString("base64")}`;
      }
      const request: Http1Request = { protocol: target.protocol, hostname: target.hostname, port: target.port, method: (config.method ?? "get").toUpperCase(), path: target.path, headers, body };

      let pending: ReturnType<Http1ConnectionPool["request"]>;
      try {
        pending = pool.request(request);
      } catch (e) {
        const err = e as Error & { code?: string };
        return reject(AxiosError.from(err, err.code, config));
      }

      let settled = false;
      let timer: NodeJS.Timeout | undefined;
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
        pending.abort();
      };
      config.signal?.addEventListener?.("abort", onAbort);
      if (config.timeout) {
        // The whole attempt, not socket inactivity: request_timeout bounds how long one request may take.
        timer = setTimeout(() => {
          fail(new AxiosError(`timeout of ${config.timeout}ms exceeded`, "ECONNABORTED", config));
          pending.abort();
        }, config.timeout);
      }

      pending.response.then(
        (res) => {
          let body: Buffer;
          try {
            body = decodeContent(res.body, res.headers["content-encoding"]);
          } catch (e) {
            return fail(new AxiosError(`the answer's ${res.headers["content-encoding"]} encoding is broken: ${(e as Error).message}`, "ERR_BAD_RESPONSE", config, request));
          }
          const response: AxiosResponse = {
            data: body.toString("utf8"),
            status: res.status,
            statusText: res.statusText,
            headers: res.headers as AxiosResponse["headers"],
            config,
            request,
          };
          const valid = config.validateStatus ? config.validateStatus(response.status) : true;
          if (valid) finish(() => resolve(response));
          else fail(new AxiosError(`Request failed with status code ${response.status}`, response.status < 500 ? "ERR_BAD_REQUEST" : "ERR_BAD_RESPONSE", config, request, response));
        },
        (e: Error & { code?: string }) => fail(AxiosError.from(e, e.code, config, request)),
      );
    });
}

interface Target {
  protocol: string;
  hostname: string;
  port: string;
  username: string;
  password: string;
  /** Path and query string. */
  path: string;
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
    const hostname = u.hostname.startsWith("[") ? u.hostname.slice(1, -1) : u.hostname;
    target = { protocol: u.protocol, hostname, port: u.port, username: decodeURIComponent(u.username), password: decodeURIComponent(u.password), path: u.pathname + u.search };
    // Absolute request URLs (rare) are not kept: only bases repeat.
    if (parsedOrigins.size < 16) parsedOrigins.set(text, target);
  }
  return target;
}

/**
 * We ask for no compression, but a proxy in front of LiteLLM may compress anyway; axios's own adapter
 * decompressed such answers, so this one does too (zlib loads only then).
 */
function decodeContent(body: Buffer, encoding: string | undefined): Buffer {
  const coding = encoding?.trim().toLowerCase();
  if (!coding || coding === "identity" || body.length === 0) return body;
  const zlib = require("node:zlib") as typeof import("node:zlib");
  if (coding === "gzip" || coding === "x-gzip") return zlib.gunzipSync(body);
  if (coding === "deflate") return body[0]! % 16 === 8 ? zlib.inflateSync(body) : zlib.inflateRawSync(body);
  if (coding === "br") return zlib.brotliDecompressSync(body);
  throw new Error("unsupported content coding");
}

function requestBody(data: unknown): Buffer | undefined {
  if (data === undefined || data === null) return undefined;
  if (Buffer.isBuffer(data)) return data;
  if (typeof data === "string") return Buffer.from(data, "utf8");
  throw new TypeError("the LiteLLM transport sends JSON text only");
}
