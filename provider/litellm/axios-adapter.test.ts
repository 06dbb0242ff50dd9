// The axios adapter on undici against real sockets: how URLs, requests and answers cross the wire, and which
// error codes failures keep (http.ts and network-errors.ts decide retries and wording from them).
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once, getEventListeners } from "node:events";
import http from "node:http";
import https from "node:https";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import { afterEach, describe, it } from "node:test";
import axios, { type AxiosError, type AxiosInstance, type CreateAxiosDefaults, type InternalAxiosRequestConfig } from "axios";
import { createSelfSignedCertificate } from "../protocol/self-signed-cert";
import { isCertificateError } from "./network-errors";
import { axiosAdapter } from "./axios-adapter";
import { HttpTransport, type TransportOptions } from "./undici-transport";
import { closedPort, failure } from "./litellm.test-support";

interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

// A timeout or cancel that does not work leaves a call (or a wait for the socket to close) pending forever; the
// per-test timeout turns that into a failure of that test alone.
const bounded = { timeout: 5_000 };

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function listen(server: net.Server, host = "127.0.0.1"): Promise<number> {
  server.listen(0, host);
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

/** An http server that records every request (with its whole body) before the handler answers it. */
async function httpServer(handler: Handler = (_req, res) => res.end("ok")) {
  const requests: Recorded[] = [];
  const sockets: net.Socket[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks) });
      void handler(req, res);
    });
  });
  server.on("connection", (s: net.Socket) => sockets.push(s));
  const port = await listen(server);
  cleanups.push(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  return { base: `http://127.0.0.1:${port}`, requests, sockets };
}

/** A TCP server that speaks whatever the test writes; counts connections and the bytes it received. */
async function rawServer(onConnection: (socket: net.Socket) => void = () => {}) {
  const sockets = new Set<net.Socket>();
  const state = { connections: 0, received: 0 };
  const server = net.createServer((s) => {
    state.connections++;
    sockets.add(s);
    s.on("data", (d: Buffer) => (state.received += d.length));
    s.on("close", () => sockets.delete(s));
    s.on("error", () => {});
    onConnection(s);
  });
  const port = await listen(server);
  cleanups.push(() => {
    for (const s of sockets) s.destroy();
    return new Promise((resolve) => server.close(resolve));
  });
  return { port, state };
}

function pool(options: Partial<TransportOptions> = {}): HttpTransport {
  // No proxy from the machine's environment: these tests talk to their own servers.
  const p = new HttpTransport({ idleSocketMs: 4000, env: {}, ...options });
  cleanups.push(() => p.close());
  return p;
}

/** The instance client.ts builds, pointed at a test server. */
function instance(baseURL: string, connections: HttpTransport = pool(), extra: CreateAxiosDefaults = {}): AxiosInstance {
  return axios.create({
    baseURL,
    timeout: 5_000,
    headers: {
      Authorization: "Bearer sk-adapter-test",
      "Content-Type": "application/json",
      Accept: "application/json",
      "User-Agent": "litellm-tf-test/1.0",
    },
    responseType: "text",
    transformResponse: [(d: unknown) => d],
    validateStatus: () => true,
    adapter: axiosAdapter(axios, connections),
    ...extra,
  });
}

/** Calls the adapter itself, without axios's request pipeline in front of it (which checks signals on its own). */
function callAdapter(url: string, signal: AbortSignal, connections: HttpTransport) {
  const config = { url, method: "get", headers: new axios.AxiosHeaders(), signal } as InternalAxiosRequestConfig;
  return axiosAdapter(axios, connections)(config);
}

function asAxiosError(e: Error): AxiosError {
  assert.ok(axios.isAxiosError(e), `expected an AxiosError, got ${e.name}: ${e.message}`);
  return e;
}

function closed(socket: net.Socket): Promise<void> {
  return socket.destroyed ? Promise.resolve() : new Promise((resolve) => socket.once("close", () => resolve()));
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe("URL building", { timeout: 60_000 }, () => {
  const joins = [
    { base: "/api", url: "user/info" },
    { base: "/api", url: "/user/info" },
    { base: "/api/", url: "user/info" },
    { base: "/api/", url: "/user/info" },
    { base: "/api//", url: "//user/info" },
  ];
  for (const j of joins) {
    it(`baseURL "…${j.base}" + url "${j.url}" → /api/user/info`, bounded, async () => {
      const srv = await httpServer();
      const res = await instance(srv.base + j.base).get(j.url);
      assert.equal(res.status, 200);
      assert.deepEqual(
        srv.requests.map((r) => r.url),
        ["/api/user/info"],
      );
    });
  }

  it("a baseURL without a path and a url with a leading slash", bounded, async () => {
    const srv = await httpServer();
    await instance(srv.base).get("/health/liveliness");
    assert.equal(srv.requests[0]?.url, "/health/liveliness");
  });

  it("an absolute url wins over baseURL", bounded, async () => {
    const srv = await httpServer();
    const port = await closedPort();
    await instance(`http://127.0.0.1:${port}/elsewhere`).get(`${srv.base}/user/list`);
    assert.equal(srv.requests[0]?.url, "/user/list");
  });

  it("params arrive decoded exactly as given; undefined and null ones are left out", bounded, async () => {
    const srv = await httpServer();
    const values = {
      spaces: "Ada Lovelace  two",
      plus: "1+1=2",
      at: "ada@example.com",
      amp: "a&b=c",
      slash: "team/alpha/",
      percent: "100% %41",
      unicode: "Zoë ☃ 日本 🚀",
      hash: "#frag?q",
    };
    await instance(srv.base).get("/user/list", { params: { ...values, page: 2, gone: undefined, none: null } });
    const got = new URL(srv.requests[0]!.url, "http://x").searchParams;
    assert.deepEqual([...got.entries()], [...Object.entries(values), ["page", "2"]]);
    assert.equal(new URL(srv.requests[0]!.url, "http://x").pathname, "/user/list");
  });

  it("params are appended to a query already in the url", bounded, async () => {
    const srv = await httpServer();
    await instance(srv.base).get("/user/list?a=1", { params: { b: "x y" } });
    assert.deepEqual([...new URL(srv.requests[0]!.url, "http://x").searchParams.entries()], [["a", "1"], ["b", "x y"]]);
  });
});

describe("the request", { timeout: 60_000 }, () => {
  it("carries the instance's headers, the UTF-8 byte length and the exact body; no compression is asked", bounded, async () => {
    const srv = await httpServer();
    const body = JSON.stringify({ user_alias: "Zoë ☃ 日本 🚀", models: ["gpt-4o"] });
    assert.notEqual(Buffer.byteLength(body), body.length, "the body must have multi-byte characters to tell bytes from chars");
    await instance(srv.base).request({ method: "POST", url: "/user/new", data: body });
    const [r] = srv.requests;
    assert.equal(r?.method, "POST");
    assert.equal(r.headers.authorization, "Bearer sk-adapter-test");
    assert.equal(r.headers["content-type"], "application/json");
    assert.equal(r.headers.accept, "application/json");
    assert.equal(r.headers["user-agent"], "litellm-tf-test/1.0");
    assert.equal(r.headers["content-length"], String(Buffer.byteLength(body)));
    assert.equal(r.headers["transfer-encoding"], undefined);
    assert.equal(r.headers["accept-encoding"], undefined);
    assert.equal(r.body.toString("utf8"), body);
  });

  for (const method of ["get", "post", "put", "patch", "delete"] as const) {
    it(`method ${method} arrives as ${method.toUpperCase()}`, bounded, async () => {
      const srv = await httpServer();
      await instance(srv.base).request({ method, url: "/m" });
      assert.equal(srv.requests[0]?.method, method.toUpperCase());
    });
  }

  it("a GET without data sends no body", bounded, async () => {
    const srv = await httpServer();
    await instance(srv.base).get("/user/info", { params: { user_id: "u-1" } });
    const [r] = srv.requests;
    assert.equal(r?.method, "GET");
    assert.equal(r.headers["content-length"], undefined);
    assert.equal(r.headers["transfer-encoding"], undefined);
    assert.equal(r.body.length, 0);
  });

  it("a body that is not text is refused before anything is sent", bounded, async () => {
    const srv = await httpServer();
    const adapter = axiosAdapter(axios, pool());
    const config = { url: `${srv.base}/x`, method: "post", headers: new axios.AxiosHeaders(), data: { a: 1 } } as InternalAxiosRequestConfig;
    const e = await failure(adapter(config));
    assert.match(e.message, /JSON text only/);
    assert.equal(srv.sockets.length, 0);
  });
});

describe("the answer", { timeout: 60_000 }, () => {
  const text = JSON.stringify({ detail: "Zoë's ☃ 日本 🚀 answer", pad: "x".repeat(3000) });
  const bytes = Buffer.from(text, "utf8");

  const codings: [string, (b: Buffer) => Buffer][] = [
    ["gzip", (b) => zlib.gzipSync(b)],
    ["deflate", (b) => zlib.deflateSync(b)],
    ["deflate (raw, as some servers send it)", (b) => zlib.deflateRawSync(b)],
    ["br", (b) => zlib.brotliCompressSync(b)],
  ];
  for (const [name, compress] of codings) {
    it(`an answer a proxy compressed anyway (${name}) comes back decoded`, bounded, async () => {
      const srv = await httpServer((_req, res) => {
        res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": name.split(" ")[0]! });
        res.end(compress(bytes));
      });
      const answer = await instance(srv.base).get("/user/info");
      assert.equal(answer.data, text);
      assert.equal(srv.requests[0]?.headers["accept-encoding"], undefined, "no compression is asked for");
    });
  }

  it("a compressed answer that does not decompress is a bad response, not garbage", bounded, async () => {
    const srv = await httpServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" });
      res.end("this is not gzip");
    });
    const e = asAxiosError(await failure(instance(srv.base).get("/user/info")));
    assert.equal(e.code, "ERR_BAD_RESPONSE");
    assert.match(e.message, /gzip encoding is broken/);
  });
  // Cut inside multi-byte characters, so that decoding each chunk on its own would garble them.
  const cuts = [bytes.indexOf(Buffer.from("ë")) + 1, bytes.indexOf(Buffer.from("☃")) + 2, bytes.indexOf(Buffer.from("🚀")) + 3, bytes.length];

  for (const framing of ["chunked", "content-length"] as const) {
    it(`status, headers and a text body written in several writes (${framing})`, bounded, async () => {
      const srv = await httpServer(async (_req, res) => {
        const headers: http.OutgoingHttpHeaders = { "Content-Type": "application/json; charset=utf-8", "X-Trace": "t-42" };
        if (framing === "content-length") headers["Content-Length"] = bytes.length;
        res.writeHead(201, "Made It", headers);
        let from = 0;
        for (const to of cuts) {
          await new Promise<void>((resolve) => res.write(bytes.subarray(from, to), () => resolve()));
          from = to;
          await pause(15); // separate TCP segments, so the client reads several chunks
        }
        res.end();
      });
      const res = await instance(srv.base).get("/user/info");
      assert.equal(res.status, 201);
      assert.equal(res.statusText, "Made It");
      assert.equal(res.headers["x-trace"], "t-42");
      assert.equal(res.headers["content-type"], "application/json; charset=utf-8");
      assert.equal(typeof res.data, "string");
      assert.equal(res.data, text);
    });
  }

  it("an error status resolves when validateStatus accepts it, body kept as text", bounded, async () => {
    const srv = await httpServer((_req, res) => {
      res.writeHead(500, { "Content-Type": "text/html" });
      res.end("<h1>Bad gateway — é</h1>");
    });
    const res = await instance(srv.base).post("/key/generate", "{}");
    assert.equal(res.status, 500);
    assert.equal(res.data, "<h1>Bad gateway — é</h1>");
  });

  it("an empty answer gives an empty string", bounded, async () => {
    const srv = await httpServer((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const res = await instance(srv.base).post("/user/update", "{}");
    assert.equal(res.status, 204);
    assert.equal(res.data, "");
  });

  it("a body delimited by the server closing the connection is whole", bounded, async () => {
    const raw = await rawServer((s) => {
      s.once("data", () => s.end("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nall of it, ü"));
    });
    const res = await instance(`http://127.0.0.1:${raw.port}`).get("/x");
    assert.equal(res.data, "all of it, ü");
  });

  for (const [status, code] of [
    [404, "ERR_BAD_REQUEST"],
    [503, "ERR_BAD_RESPONSE"],
  ] as const) {
    it(`validateStatus returning false rejects ${status} with the response (${code})`, bounded, async () => {
      const srv = await httpServer((_req, res) => {
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end('{"detail":"nope"}');
      });
      const http = instance(srv.base, pool(), { validateStatus: (s) => s >= 200 && s < 300 });
      const e = asAxiosError(await failure(http.get("/user/info")));
      assert.equal(e.code, code);
      assert.equal(e.status, status);
      assert.equal(e.response?.status, status);
      assert.equal(e.response?.data, '{"detail":"nope"}');
      assert.match(e.message, new RegExp(`status code ${status}`));
    });
  }
});

describe("failures keep the codes network-errors.ts relies on", { timeout: 60_000 }, () => {
  it("connection refused → ECONNREFUSED", bounded, async () => {
    const port = await closedPort();
    const e = asAxiosError(await failure(instance(`http://127.0.0.1:${port}`).get("/user/info")));
    assert.equal(e.code, "ECONNREFUSED");
    assert.equal(e.response, undefined);
  });

  it("a server that closes before answering → ECONNRESET", bounded, async () => {
    const raw = await rawServer((s) => s.once("data", () => s.end()));
    const e = asAxiosError(await failure(instance(`http://127.0.0.1:${raw.port}`).get("/x")));
    assert.equal(e.code, "ECONNRESET");
  });

  const truncations: { name: string; head: string; close: (s: net.Socket) => void }[] = [
    { name: "Content-Length, FIN", head: "Content-Length: 100\r\n\r\n{\"partial\":", close: (s) => s.end() },
    { name: "Content-Length, destroyed", head: "Content-Length: 100\r\n\r\n{\"partial\":", close: (s) => s.destroy() },
    { name: "Content-Length, RST", head: "Content-Length: 100\r\n\r\n{\"partial\":", close: (s) => s.resetAndDestroy() },
    { name: "chunked without the last chunk", head: "Transfer-Encoding: chunked\r\n\r\nb\r\n{\"partial\":\r\n", close: (s) => s.end() },
  ];
  for (const t of truncations) {
    it(`a body cut short (${t.name}) → ECONNRESET, never a partial answer`, bounded, async () => {
      const raw = await rawServer((s) => {
        s.once("data", () => s.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n${t.head}`, () => setTimeout(() => t.close(s), 20)));
      });
      const e = asAxiosError(await failure(instance(`http://127.0.0.1:${raw.port}`).get("/user/info")));
      assert.equal(e.code, "ECONNRESET");
      assert.equal(e.response, undefined);
    });
  }

  it("no answer within `timeout` → ECONNABORTED naming the timeout, and the socket is closed", bounded, async () => {
    const srv = await httpServer(() => {}); // never answers
    const e = asAxiosError(await failure(instance(srv.base, pool(), { timeout: 150 }).get("/user/info")));
    assert.equal(e.code, "ECONNABORTED");
    assert.match(e.message, /timeout of 150ms/);
    assert.equal(srv.sockets.length, 1);
    await closed(srv.sockets[0]!); // `bounded` fails the test if the socket stays open
  });

  it("the timeout bounds the whole attempt: headers sent, body stalled → ECONNABORTED", bounded, async () => {
    const srv = await httpServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write('{"slow":'); // and nothing more
    });
    const e = asAxiosError(await failure(instance(srv.base, pool(), { timeout: 150 }).get("/user/info")));
    assert.equal(e.code, "ECONNABORTED");
    assert.equal(e.response, undefined);
    await closed(srv.sockets[0]!);
  });

  const inFlightAborts: [string, (base: string, signal: AbortSignal) => Promise<unknown>][] = [
    ["an AbortSignal aborted in flight cancels (ERR_CANCELED) and closes the socket", (base, signal) => instance(base).get("/user/info", { signal })],
    ["the adapter itself turns an abort in flight into a CanceledError", (base, signal) => callAdapter(`${base}/user/info`, signal, pool())],
  ];
  for (const [name, send] of inFlightAborts) {
    it(name, bounded, async () => {
      let arrived!: () => void;
      const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
      const srv = await httpServer(() => arrived()); // never answers
      const stop = new AbortController();
      const call = send(srv.base, stop.signal);
      await requestArrived;
      stop.abort();
      const e = await failure(call);
      assert.ok(axios.isCancel(e), `expected a cancel, got ${e.name}: ${e.message}`);
      assert.equal((e as AxiosError).code, "ERR_CANCELED");
      await closed(srv.sockets[0]!);
    });
  }

  it("an already-aborted signal rejects and the server sees no request", bounded, async () => {
    const srv = await httpServer();
    const stop = new AbortController();
    stop.abort();
    const viaAxios = await failure(instance(srv.base).get("/user/info", { signal: stop.signal }));
    assert.ok(axios.isCancel(viaAxios));
    const direct = await failure(callAdapter(`${srv.base}/user/info`, stop.signal, pool()));
    assert.ok(axios.isCancel(direct), `expected a cancel, got ${direct.name}: ${direct.message}`);
    await instance(srv.base).get("/after"); // a request that does arrive, to compare with
    assert.deepEqual(
      srv.requests.map((r) => r.url),
      ["/after"],
    );
  });

  it("a signal used for many calls keeps no listener behind", bounded, async () => {
    const srv = await httpServer();
    const stop = new AbortController();
    const http = instance(srv.base);
    for (let i = 0; i < 5; i++) await http.get("/user/info", { signal: stop.signal });
    const port = await closedPort();
    await failure(instance(`http://127.0.0.1:${port}`).get("/x", { signal: stop.signal }));
    await failure(instance(srv.base, pool(), { validateStatus: () => false }).get("/x", { signal: stop.signal }));
    assert.equal(getEventListeners(stop.signal, "abort").length, 0);
  });

  it("an unsupported protocol rejects without connecting", bounded, async () => {
    const raw = await rawServer();
    const e = asAxiosError(await failure(instance(`ftp://127.0.0.1:${raw.port}`).get("/file")));
    assert.equal(e.code, "ERR_BAD_REQUEST");
    assert.match(e.message, /unsupported protocol ftp:/);
    assert.equal(raw.state.connections, 0);
  });

  it("a URL that does not parse rejects with ERR_INVALID_URL", bounded, async () => {
    const e = asAxiosError(await failure(instance("not a url").get("/x")));
    assert.equal(e.code, "ERR_INVALID_URL");
  });
});

describe("connections", { timeout: 60_000 }, () => {
  it("a pool carries sequential requests on one socket", bounded, async () => {
    const srv = await httpServer((req, res) => res.end(`answer to ${req.url}`));
    const http = instance(srv.base, pool());
    const first = await http.get("/one");
    const second = await http.post("/two", '{"a":"ü"}');
    const third = await http.get("/three");
    assert.deepEqual([first.data, second.data, third.data], ["answer to /one", "answer to /two", "answer to /three"]);
    assert.equal(srv.sockets.length, 1);
  });

  it("two pools open a socket each (the count above is real)", bounded, async () => {
    const srv = await httpServer();
    await instance(srv.base, pool()).get("/one");
    await instance(srv.base, pool()).get("/two");
    assert.equal(srv.sockets.length, 2);
  });

  it("an answer with Connection: close is not followed by a request on the same socket", bounded, async () => {
    const srv = await httpServer((req, res) => {
      res.setHeader("Connection", "close");
      res.end(`answer to ${req.url}`);
    });
    const http = instance(srv.base, pool());
    assert.equal((await http.get("/one")).data, "answer to /one");
    assert.equal((await http.get("/two")).data, "answer to /two");
    assert.equal(srv.sockets.length, 2);
  });

  it("an idle connection the server closed is not used again", bounded, async () => {
    const srv = await httpServer((req, res) => res.end(`answer to ${req.url}`));
    const http = instance(srv.base, pool());
    await http.get("/one");
    for (const s of srv.sockets) s.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal((await http.get("/two")).data, "answer to /two");
    assert.equal(srv.sockets.length, 2);
  });

  it("idle connections are closed after idleSocketMs", bounded, async () => {
    const srv = await httpServer();
    const http = instance(srv.base, pool({ idleSocketMs: 50 }));
    await http.get("/one");
    const [socket] = srv.sockets;
    await new Promise((resolve) => socket!.once("close", resolve));
    await http.get("/two");
    assert.equal(srv.sockets.length, 2);
  });
});

describe("https", { timeout: 60_000 }, () => {
  async function httpsServer() {
    const cert = createSelfSignedCertificate({ dnsName: "localhost" });
    const server = https.createServer({ cert: cert.certPem, key: cert.keyPem }, (_req, res) => res.end("secure ü"));
    let connections = 0;
    server.on("secureConnection", () => connections++);
    const port = await listen(server, "localhost");
    cleanups.push(() => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    });
    return { base: `https://localhost:${port}`, ca: cert.certPem, connections: () => connections };
  }

  function httpsInstance(base: string, connections: HttpTransport): AxiosInstance {
    return axios.create({ baseURL: base, responseType: "text", transformResponse: [(d: unknown) => d], adapter: axiosAdapter(axios, connections) });
  }

  it("https URLs use the pool's CAs and keep-alive", bounded, async () => {
    const srv = await httpsServer();
    const http = httpsInstance(srv.base, pool({ ca: [srv.ca] }));
    assert.equal((await http.get("/a")).data, "secure ü");
    assert.equal((await http.get("/b")).data, "secure ü");
    assert.equal(srv.connections(), 1);
  });

  it("an untrusted certificate keeps a certificate code", bounded, async () => {
    const srv = await httpsServer();
    const e = asAxiosError(await failure(httpsInstance(srv.base, pool()).get("/a")));
    assert.ok(isCertificateError(e.code), `expected a certificate code, got ${e.code}`);
  });
});

describe("strict: answers that are not valid HTTP/1.1 are refused and their connection dropped", { timeout: 60_000 }, () => {
  const ok = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
  const bad: { name: string; answer: string; code: RegExp }[] = [
    { name: "Transfer-Encoding with Content-Length", answer: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n", code: /^HPE_/ },
    { name: "a bare LF that hides a header", answer: "HTTP/1.1 200 OK\r\nContent-Type: application/json\nX-Hidden: 1\r\nContent-Length: 2\r\n\r\n{}", code: /^HPE_/ },
    { name: "bare LF line ends throughout", answer: "HTTP/1.1 200 OK\nContent-Length: 2\n\n{}", code: /^HPE_/ },
    { name: "an obs-fold continuation line", answer: "HTTP/1.1 200 OK\r\nX-A: a\r\n b\r\nContent-Length: 2\r\n\r\n{}", code: /^HPE_/ },
    { name: "a header name that is not a token", answer: "HTTP/1.1 200 OK\r\nX A: b\r\nContent-Length: 2\r\n\r\n{}", code: /^HPE_/ },
    { name: "NUL in a header value", answer: "HTTP/1.1 200 OK\r\nX-A: a\0b\r\nContent-Length: 2\r\n\r\n{}", code: /^HPE_/ },
    { name: "two different Content-Lengths", answer: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}", code: /^HPE_/ },
    { name: "status 000", answer: "HTTP/1.1 000 OK\r\nContent-Length: 2\r\n\r\n{}", code: /^HPE_INVALID_STATUS$/ },
    { name: "status 600", answer: "HTTP/1.1 600 OK\r\nContent-Length: 2\r\n\r\n{}", code: /^HPE_INVALID_STATUS$/ },
    { name: "an unasked 100 Continue", answer: "HTTP/1.1 100 Continue\r\n\r\n" + ok, code: /^HPE_/ },
  ];
  for (const c of bad) {
    it(`${c.name} → ${c.code.source}; the next request opens a new connection`, bounded, async () => {
      let first: net.Socket | undefined;
      const raw = await rawServer((s) => {
        first ??= s;
        s.on("data", () => s.write(s === first ? c.answer : ok));
      });
      const http = instance(`http://127.0.0.1:${raw.port}`);
      const e = asAxiosError(await failure(http.get("/user/info")));
      assert.match(String(e.code), c.code);
      assert.equal(e.response, undefined);
      await closed(first!); // the refused answer's connection is dropped (`bounded` fails the test otherwise)
      assert.equal((await http.get("/user/info")).data, "{}");
      assert.ok(raw.state.connections >= 2, "the next request came on a new connection");
    });
  }

  it("an interim 103 answer is followed by the real one", bounded, async () => {
    const raw = await rawServer((s) => s.once("data", () => s.write("HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n" + ok)));
    assert.equal((await instance(`http://127.0.0.1:${raw.port}`).get("/x")).data, "{}");
  });

  it("a flood of 1xx answers is cut off by the timeout", bounded, async () => {
    const raw = await rawServer((s) => {
      const flood = setInterval(() => (s.writable ? s.write("HTTP/1.1 103 Early Hints\r\n\r\n") : clearInterval(flood)), 5);
      s.on("close", () => clearInterval(flood));
    });
    const e = asAxiosError(await failure(instance(`http://127.0.0.1:${raw.port}`, pool(), { timeout: 300 }).get("/x")));
    assert.equal(e.code, "ECONNABORTED");
  });

  it("a server trickling its answer a byte at a time is cut off at the timeout", bounded, async () => {
    const raw = await rawServer((s) =>
      s.once("data", () => {
        const answer = Buffer.from("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + "x".repeat(100000));
        let i = 0;
        const drip = setInterval(() => (s.writable && i < answer.length ? s.write(answer.subarray(i, ++i)) : clearInterval(drip)), 10);
        s.on("close", () => clearInterval(drip));
      }),
    );
    const started = Date.now();
    const e = asAxiosError(await failure(instance(`http://127.0.0.1:${raw.port}`, pool(), { timeout: 400 }).get("/x")));
    assert.equal(e.code, "ECONNABORTED");
    assert.ok(Date.now() - started < 3000, "cut off near the timeout, not when the answer ends");
  });
});

describe("bounded: answers past the limit fail, naming the endpoint and the limit", { timeout: 60_000 }, () => {
  const limit = 64 * 1024;
  it("a Content-Length over the limit is refused before its body is read", bounded, async () => {
    const raw = await rawServer((s) => s.once("data", () => s.write(`HTTP/1.1 200 OK\r\nContent-Length: ${3 * 1024 ** 3}\r\n\r\n`)));
    const e = asAxiosError(await failure(instance(`http://127.0.0.1:${raw.port}`, pool({ maxResponseBytes: limit })).get("/user/info")));
    assert.equal(e.code, "ERR_RESPONSE_TOO_LARGE");
    assert.match(e.message, /the answer to GET http:\/\/127\.0\.0\.1:\d+\/user\/info announces 3 GiB, more than the 64 KiB limit/);
  });

  it("a chunked body growing past the limit is cut off and its connection dropped", bounded, async () => {
    let closedByClient!: () => void;
    const gone = new Promise<void>((resolve) => (closedByClient = resolve));
    const raw = await rawServer((s) => {
      s.on("close", () => closedByClient());
      s.once("data", () => {
        s.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        const chunk = `4000\r\n${"x".repeat(0x4000)}\r\n`;
        const flood = setInterval(() => (s.writable ? s.write(chunk) : clearInterval(flood)), 1);
        s.on("close", () => clearInterval(flood));
      });
    });
    const e = asAxiosError(await failure(instance(`http://127.0.0.1:${raw.port}`, pool({ maxResponseBytes: limit })).get("/user/info")));
    assert.equal(e.code, "ERR_RESPONSE_TOO_LARGE");
    assert.match(e.message, /is larger than the 64 KiB limit; the connection was dropped/);
    await gone;
  });

  for (const [name, compress] of [
    ["gzip", (b: Buffer) => zlib.gzipSync(b)],
    ["br", (b: Buffer) => zlib.brotliCompressSync(b)],
    ["deflate", (b: Buffer) => zlib.deflateSync(b)],
  ] as const) {
    it(`a ${name} bomb stops inflating at the limit`, bounded, async () => {
      const bomb = compress(Buffer.alloc(8 * 1024 * 1024, 0x20));
      const srv = await httpServer((_req, res) => {
        res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": name });
        res.end(bomb);
      });
      assert.ok(bomb.length < limit, "the compressed body itself is under the limit");
      const e = asAxiosError(await failure(instance(srv.base, pool({ maxResponseBytes: limit })).get("/user/info")));
      assert.equal(e.code, "ERR_RESPONSE_TOO_LARGE");
      assert.match(e.message, /decompresses to more than the 64 KiB limit/);
    });
  }

  it("an answer exactly at the limit is whole", bounded, async () => {
    const srv = await httpServer((_req, res) => res.end("y".repeat(limit)));
    assert.equal(((await instance(srv.base, pool({ maxResponseBytes: limit })).get("/x")).data as string).length, limit);
  });
});

describe("the process", { timeout: 60_000 }, () => {
  it("idle pooled connections do not keep it alive", { timeout: 30_000 }, async () => {
    const srv = await httpServer((req, res) => res.end(`answer to ${req.url}`));
    const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "axios-adapter.test-support.ts"), srv.base], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    const [code] = (await once(child, "exit")) as [number];
    assert.equal(code, 0);
    assert.equal(out, "200 answer to /first\n200 answer to /second\n");
    assert.equal(srv.sockets.length, 1, "both requests on one connection, left idle at exit");
  });
});

describe("proxies", { timeout: 60_000 }, () => {
  it("a proxy that refuses the CONNECT tunnel → ERR_PROXY_TUNNEL naming its status", bounded, async () => {
    const raw = await rawServer((s) => s.once("data", () => s.end("HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n")));
    const transport = pool({ env: { HTTPS_PROXY: `http://127.0.0.1:${raw.port}` } });
    const e = asAxiosError(await failure(instance("https://litellm.test:4000", transport).get("/user/info")));
    assert.equal(e.code, "ERR_PROXY_TUNNEL");
    assert.match(e.message, /the proxy refused the tunnel to api_base \(HTTP 407\)/);
  });

  it("proxy settings that cannot work fail the call before connecting → ERR_PROXY_CONFIG", bounded, async () => {
    const transport = pool({ env: { HTTPS_PROXY: "socks5://proxy.example:1080" } });
    const e = asAxiosError(await failure(instance("https://litellm.test:4000", transport).get("/user/info")));
    assert.equal(e.code, "ERR_PROXY_CONFIG");
  });
});
