// The connections under the LiteLLM client: one undici dispatcher per configured provider (keep-alive, TLS,
// and the proxy HTTP_PROXY/HTTPS_PROXY/NO_PROXY choose). undici is Node's maintained HTTP/1.1 client on llhttp:
// it refuses ambiguous or malformed answers and closes the connection after any of them.
// undici loads on the first request, not when the provider starts or is configured: most provider processes
// Terraform starts (validate, schema) make no call at all.
import type { Dispatcher } from "undici";
import { proxyFor, type ProxyEnv } from "./proxy-environment";

export interface TransportOptions {
  /** Idle connections are closed after this long (before the server's own keep-alive timeout). */
  idleSocketMs: number;
  /** For https: the certificate authorities to trust (default: Node's), and whether to verify at all. */
  ca?: string[];
  rejectUnauthorized?: boolean;
  /** The largest answer accepted, on the wire and once decompressed (default 16 MiB). */
  maxResponseBytes?: number;
  /** Where HTTP_PROXY, HTTPS_PROXY and NO_PROXY are read (default: this process's environment). */
  env?: ProxyEnv;
}

export const defaultMaxResponseBytes = 16 * 1024 * 1024;

export class HttpTransport {
  readonly maxResponseBytes: number;
  private readonly dispatchers = new Map<string, Dispatcher>();

  constructor(private readonly options: TransportOptions) {
    this.maxResponseBytes = options.maxResponseBytes ?? defaultMaxResponseBytes;
  }

  /** The dispatcher for an origin ("https://host:port"), direct or through the proxy the environment names. */
  dispatcherFor(origin: string): Dispatcher {
    let dispatcher = this.dispatchers.get(origin);
    if (!dispatcher) {
      // A provider talks to one api_base; absolute URLs to elsewhere are rare, so this map stays tiny.
      dispatcher = this.create(new URL(origin));
      this.dispatchers.set(origin, dispatcher);
    }
    return dispatcher;
  }

  private answers = 0;
  /** True for the first answers of this transport, while its connections are being opened. */
  warmingUp(): boolean {
    return this.answers++ < 32;
  }

  /** Closes every connection. */
  async close(): Promise<void> {
    const all = [...this.dispatchers.values()];
    this.dispatchers.clear();
    await Promise.all(all.map((d) => d.destroy().catch(() => {})));
  }

  private create(target: URL): Dispatcher {
    const tls = { ca: this.options.ca, rejectUnauthorized: this.options.rejectUnauthorized ?? true };
    const common = {
      // Idle connections are dropped before the server (uvicorn: 5 s) closes them, whatever keep-alive
      // timeout it announces, so that a call that is not safe to retry never rides a closing connection.
      keepAliveTimeout: this.options.idleSocketMs,
      keepAliveMaxTimeout: this.options.idleSocketMs,
      pipelining: 1,
    };
    const proxy = proxyFor(target, this.options.env ?? process.env);
    if (!proxy) {
      const Agent = require("undici/lib/dispatcher/agent") as typeof import("undici").Agent;
      return new Agent({ ...common, connect: tls });
    }
    const ProxyAgent = require("undici/lib/dispatcher/proxy-agent") as typeof import("undici").ProxyAgent;
    // ProxyAgent opens its tunnels with Dispatcher#connect, which undici's index attaches to the prototype
    // along with fetch and the rest; we load its two dispatchers alone, so attach that one method as it does.
    const Dispatcher = require("undici/lib/dispatcher/dispatcher") as { prototype: Record<string, unknown> };
    Dispatcher.prototype.connect ??= require("undici/lib/api/api-connect");
    return new ProxyAgent({
      ...common,
      uri: proxy.href,
      // https to LiteLLM goes through a CONNECT tunnel and LiteLLM's certificate is checked end to end, against
      // ca_cert_file; plain http is sent to the proxy in absolute form, as Go's transport does.
      proxyTunnel: target.protocol === "https:",
      requestTls: tls,
      proxyTls: tls,
    });
  }
}
