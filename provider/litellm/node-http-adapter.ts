// The transport under axios: one request on node:http or node:https, nothing else. axios's own http adapter
// also follows redirects, decompresses, handles proxies, streams and form data, and costs about twice the CPU
// per request; the provider needs none of that (JSON in, text out, no redirects, no proxy), and a provider
// process is short-lived, so that cost is paid in the interpreter on every call (docs/performance.md).
import type http from "node:http";
import type { AxiosAdapter, AxiosResponse, AxiosStatic, InternalAxiosRequestConfig } from "axios";

export interface AdapterAgents {
  http?: http.Agent;
  https?: http.Agent;
}

export function nodeHttpAdapter(axios: AxiosStatic, agents: AdapterAgents): AxiosAdapter {
  const { AxiosError, CanceledError } = axios;
  const transports = {
    "http:": require("node:http") as typeof import("node:http"),
    "https:": require("node:https") as typeof import("node:https"),
  };

  return (config: InternalAxiosRequestConfig) =>
    new Promise<AxiosResponse>((resolve, reject) => {
      let target: Target;
      try {
        target = requestTarget(config);
      } catch (e) {
        return reject(AxiosError.from(e as Error, "ERR_INVALID_URL", config));
      }
      const transport = target.protocol === "http:" || target.protocol === "https:" ? transports[target.protocol] : undefined;
      if (!transport) return reject(new AxiosError(`unsupported protocol ${target.protocol}`, "ERR_BAD_REQUEST", config));

      if (config.signal?.aborted) return reject(new CanceledError(undefined, config));
      const body = requestBody(config.data);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(config.headers.toJSON(true) as Record<string, unknown>)) {
        if (value !== undefined && value !== null && value !== false) headers[name] = String(value);
      }
      if (body !== undefined) headers["Content-Length"] = String(body.length);

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

      const req = transport.request(
        {
          protocol: target.protocol,
          hostname: target.hostname,
          port: target.port,
          path: target.path,
          method: (config.method ?? "get").toUpperCase(),
          headers,
          agent: target.protocol === "https:" ? agents.https : agents.http,
          auth: target.username || target.password ? `${target.username}:${target.password}` : undefined,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          // A connection closed in the middle of the body: the answer is lost, like a reset.
          res.on("close", () => res.complete || fail(new AxiosError("the connection closed before the whole answer arrived", "ECONNRESET", config, req)));
          res.on("error", (e: NodeJS.ErrnoException) => fail(AxiosError.from(e, e.code ?? "ECONNRESET", config, req)));
          res.on("end", () => {
            if (!res.complete) return fail(new AxiosError("the connection closed before the whole answer arrived", "ECONNRESET", config, req));
            const response: AxiosResponse = {
              data: Buffer.concat(chunks).toString("utf8"),
              status: res.statusCode ?? 0,
              statusText: res.statusMessage ?? "",
              headers: res.headers as AxiosResponse["headers"],
              config,
              request: req,
            };
            const valid = config.validateStatus ? config.validateStatus(response.status) : true;
            if (valid) finish(() => resolve(response));
            else fail(new AxiosError(`Request failed with status code ${response.status}`, response.status < 500 ? "ERR_BAD_REQUEST" : "ERR_BAD_RESPONSE", config, req, response));
          });
        },
      );
      req.on("error", (e: NodeJS.ErrnoException) => fail(AxiosError.from(e, e.code, config, req)));

      const onAbort = () => {
        fail(new CanceledError(undefined, config, req));
        req.destroy();
      };
      config.signal?.addEventListener?.("abort", onAbort);
      if (config.timeout) {
        // The whole attempt, not socket inactivity: request_timeout bounds how long one request may take.
        timer = setTimeout(() => {
          fail(new AxiosError(`timeout of ${config.timeout}ms exceeded`, "ECONNABORTED", config, req));
          req.destroy();
        }, config.timeout);
      }
      req.end(body);
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
  const absolute = /^[a-z][a-z\d+.-]*:\/\//i.test(url) || !config.baseURL;
  // The base is parsed once per instance, not per request: URL parsing is a measurable part of a call.
  const origin = parsedOrigin(absolute ? url : config.baseURL!);
  let path = absolute ? origin.path : origin.path.replace(/\/+$/, "") + "/" + url.replace(/^\/+/, "");
  for (const [name, value] of Object.entries((config.params ?? {}) as Record<string, unknown>)) {
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

function requestBody(data: unknown): Buffer | undefined {
  if (data === undefined || data === null) return undefined;
  if (Buffer.isBuffer(data)) return data;
  if (typeof data === "string") return Buffer.from(data, "utf8");
  throw new TypeError("the LiteLLM transport sends JSON text only");
}
