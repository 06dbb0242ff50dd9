// The axios adapter on node:http against real sockets: how URLs, requests and answers cross the wire, and which
// error codes failures keep (http.ts and network-errors.ts decide retries and wording from them).
import assert from "node:assert/strict";
import { once, getEventListeners } from "node:events";
import http from "node:http";
import https from "node:https";
import net, { type AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, it } from "node:test";
import axios, { type AxiosError, type AxiosInstance, type CreateAxiosDefaults, type InternalAxiosRequestConfig } from "axios";
import { createSelfSignedCertificate } from "../protocol/self-signed-cert";
import { isCertificateError } from "./network-errors";
import { axiosAdapter } from "./axios-adapter";
import { Http1ConnectionPool, type PoolOptions } from "./http1-connection-pool";
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

function pool(options: Partial<PoolOptions> = {}): Http1ConnectionPool {
  const p = new Http1ConnectionPool({ idleSocketMs: 4000, ...options });
  cleanups.push(() => p.close());
  return p;
}

/** The instance client.ts builds, pointed at a test server. */
function instance(baseURL: string, connections: Http1ConnectionPool = pool(), extra: CreateAxiosDefaults = {}): AxiosInstance {
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
function callAdapter(url: string, signal: AbortSignal, connections: Http1ConnectionPool) {
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

  function httpsInstance(base: string, connections: Http1ConnectionPool): AxiosInstance {
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
