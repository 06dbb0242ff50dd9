// Which proxy a request to LiteLLM goes through, read from HTTP_PROXY, HTTPS_PROXY and NO_PROXY as Go's
// http.ProxyFromEnvironment reads them (golang.org/x/net/http/httpproxy), so that the provider behaves like
// every Go provider on the same machine:
// - the upper-case variable wins over the lower-case one when both are set (Go's getEnvAny order);
// - https URLs use HTTPS_PROXY, http URLs HTTP_PROXY; a value without a scheme means http://;
// - "localhost" and loopback addresses are never proxied;
// - NO_PROXY is a comma-separated list: "*" (nothing is proxied), IP addresses and CIDR ranges, "host:port",
//   "example.com" (that host and its subdomains), ".example.com" or "*.example.com" (subdomains only).
import net from "node:net";

export type ProxyEnv = Record<string, string | undefined>;

export class ProxyConfigError extends Error {
  readonly code = "ERR_PROXY_CONFIG";
}

/** The proxy URL for a request to `target`, or undefined to connect directly. */
export function proxyFor(target: URL, env: ProxyEnv): URL | undefined {
  const value = target.protocol === "https:" ? envAny(env, "HTTPS_PROXY", "https_proxy") : target.protocol === "http:" ? envAny(env, "HTTP_PROXY", "http_proxy") : "";
  if (!value) return undefined;
  if (target.protocol === "http:" && env.REQUEST_METHOD) {
    // Go refuses too: in a CGI environment a client could set HTTP_PROXY through the Proxy header.
    throw new ProxyConfigError("HTTP_PROXY is ignored in a CGI environment (REQUEST_METHOD is set)");
  }
  const hostname = target.hostname.startsWith("[") ? target.hostname.slice(1, -1) : target.hostname;
  const port = target.port || (target.protocol === "https:" ? "443" : "80");
  if (!useProxy(hostname.toLowerCase(), port, envAny(env, "NO_PROXY", "no_proxy"))) return undefined;
  return parseProxy(value);
}

function envAny(env: ProxyEnv, ...names: string[]): string {
  for (const name of names) {
    const value = env[name];
    if (value) return value;
  }
  return "";
}

function parseProxy(value: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  // "proxy.corp:3128" parses with the scheme "proxy.corp:": like Go, anything but http, https or socks5 means http://.
  if (!url || !["http:", "https:", "socks5:"].includes(url.protocol)) {
    try {
      url = new URL(`http://${value}`);
    } catch {
      throw new ProxyConfigError(`the proxy address ${JSON.stringify(redact(value))} is not a URL`);
    }
  }
  if (url.protocol === "socks5:") throw new ProxyConfigError("SOCKS5 proxies are not supported; use an HTTP or HTTPS proxy");
  if (!url.hostname) throw new ProxyConfigError(`the proxy address ${JSON.stringify(redact(value))} names no host`);
  return url;
}

/** A proxy URL may carry a password: it never reaches an error message. */
function redact(value: string): string {
  return value.replace(/\/\/[^@/]*@/, "//***@");
}

function useProxy(host: string, port: string, noProxy: string): boolean {
  if (host === "localhost") return false;
  const ip = net.isIP(host) ? host : undefined;
  if (ip && isLoopback(ip)) return false;
  for (const raw of noProxy.split(",")) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === "*") return false;
    if (entry.includes("/")) {
      if (ip && inCidr(ip, entry)) return false;
      continue;
    }
    let [entryHost, entryPort] = splitHostPort(entry);
    if (!entryHost) continue;
    if (net.isIP(entryHost)) {
      if (ip && sameIp(ip, entryHost) && (!entryPort || entryPort === port)) return false;
      continue;
    }
    if (entryHost.startsWith("*.")) entryHost = entryHost.slice(1);
    const matchHost = !entryHost.startsWith(".");
    const suffix = matchHost ? `.${entryHost}` : entryHost;
    // Go matches names against IP literals too; a name never ends an IP address, so the result is the same.
    if ((host.endsWith(suffix) || (matchHost && host === entryHost)) && (!entryPort || entryPort === port)) return false;
  }
  return true;
}

/** "host:port", "[v6]:port" or a bare host (a bare IPv6 address has colons but no port). */
function splitHostPort(entry: string): [string, string] {
  const v6 = /^\[([^\]]*)\]:(\d*)$/.exec(entry);
  if (v6) return [v6[1]!, v6[2]!];
  const colon = entry.lastIndexOf(":");
  if (colon >= 0 && entry.indexOf(":") === colon) return [entry.slice(0, colon), entry.slice(colon + 1)];
  return [entry.startsWith("[") && entry.endsWith("]") ? entry.slice(1, -1) : entry, ""];
}

function isLoopback(ip: string): boolean {
  const bytes = ipBytes(ip);
  if (!bytes) return false;
  if (bytes.length === 4) return bytes[0] === 127;
  if (isV4Mapped(bytes)) return bytes[12] === 127;
  return bytes.every((b, i) => b === (i === 15 ? 1 : 0));
}

function sameIp(a: string, b: string): boolean {
  const x = v4Normal(ipBytes(a));
  const y = v4Normal(ipBytes(b));
  return !!x && !!y && x.length === y.length && x.every((v, i) => v === y[i]);
}

function inCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split("/");
  const bits = Number(bitsText);
  const network = ipBytes(base ?? "");
  if (!network || !/^\d+$/.test(bitsText ?? "") || bits > network.length * 8) return false;
  let address = ipBytes(ip);
  if (!address) return false;
  // Go compares an IPv4 address with an IPv4 network also when written as ::ffff:a.b.c.d, and vice versa.
  if (network.length === 4) address = v4Normal(address);
  if (!address || address.length !== network.length) return false;
  for (let i = 0; i < bits; i++) {
    const mask = 0x80 >> i % 8;
    if ((address[i >> 3]! & mask) !== (network[i >> 3]! & mask)) return false;
  }
  return true;
}

function isV4Mapped(bytes: number[]): boolean {
  return bytes.length === 16 && bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}

function v4Normal(bytes: number[] | undefined): number[] | undefined {
  return bytes && isV4Mapped(bytes) ? bytes.slice(12) : bytes;
}

function ipBytes(ip: string): number[] | undefined {
  const kind = net.isIP(ip);
  if (kind === 4) return ip.split(".").map(Number);
  if (kind !== 6) return undefined;
  // Expand "::" and an embedded IPv4 tail, then read eight 16-bit groups.
  let text = ip.toLowerCase().replace(/%.*$/, "");
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split(".").map(Number);
    text = text.slice(0, -v4[1]!.length) + `${((a! << 8) | b!).toString(16)}:${((c! << 8) | d!).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const h = head ? head.split(":") : [];
  const t = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t];
  return groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}
