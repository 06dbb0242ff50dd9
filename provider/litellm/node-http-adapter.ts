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
      let url: URL;
      try {
        url = requestUrl(config);
      } catch (e) {
        return reject(AxiosError.from(e as Error, "ERR_INVALID_URL", config));
      }
      const transport = url.protocol === "http:" || url.protocol === "https:" ? transports[url.protocol] : undefined;
      if (!transport) return reject(new AxiosError(`unsupported protocol ${url.protocol}`, "ERR_BAD_REQUEST", config));

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
          protocol: url.protocol,
          hostname: url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method: (config.method ?? "get").toUpperCase(),
          headers,
          agent: url.protocol === "https:" ? agents.https : agents.http,
          auth: url.username || url.password ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : undefined,
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
      if (config.signal?.aborted) return onAbort();
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

/** baseURL + url + params, as axios would join them (params that are undefined or null are left out). */
function requestUrl(config: InternalAxiosRequestConfig): URL {
  const path = config.url ?? "";
  const full = /^[a-z][a-z\d+.-]*:\/\//i.test(path) || !config.baseURL ? path : config.baseURL.replace(/\/+$/, "") + "/" + path.replace(/^\/+/, "");
  const url = new URL(full);
  const params = (config.params ?? {}) as Record<string, unknown>;
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) url.searchParams.append(name, String(value));
  }
  return url;
}

function requestBody(data: unknown): Buffer | undefined {
  if (data === undefined || data === null) return undefined;
  if (Buffer.isBuffer(data)) return data;
  if (typeof data === "string") return Buffer.from(data, "utf8");
  throw new TypeError("the LiteLLM transport sends JSON text only");
}
