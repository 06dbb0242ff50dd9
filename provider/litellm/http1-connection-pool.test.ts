// The connection pool against real sockets: the exact bytes it sends, when it keeps, reuses or drops a
// connection, and the codes of its failures. Servers are raw node:net / node:tls servers (the test writes the
// answer's bytes) or node:http where an ordinary server is enough. The adapter above it has its own tests.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, describe, it } from "node:test";
import tls from "node:tls";
import { createSelfSignedCertificate } from "../protocol/self-signed-cert";
import { ConnectionError, Http1ConnectionPool, type Http1Request, type PendingRequest, type PoolOptions } from "./http1-connection-pool";
import { isCertificateError } from "./network-errors";
import { closedPort, failure } from "./litellm.test-support";

// A pool that loses a request leaves its promise pending forever; the per-test timeout makes that a failure.
const bounded = { timeout: 5_000 };

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

interface RawConnection {
  socket: net.Socket;
  /** Each 'data' event's bytes, as they arrived. */
  chunks: Buffer[];
  /** The requests read from those bytes (head and Content-Length body), in order. */
  requests: Buffer[];
  closed: Promise<void>;
}

/**
 * A server that speaks whatever the test writes. `onRequest` runs for each whole request (its head, and its body
 * as long as Content-Length says); it may answer with socket.write or not at all.
 */
async function rawServer(onRequest: (conn: RawConnection, request: Buffer) => void = () => {}, options: { host?: string; tls?: tls.TlsOptions } = {}) {
  const connections: RawConnection[] = [];
  const onSocket = (socket: net.Socket) => {
    const conn: RawConnection = { socket, chunks: [], requests: [], closed: new Promise((resolve) => socket.once("close", () => resolve())) };
    connections.push(conn);
    let pending = Buffer.alloc(0);
    socket.on("error", () => {});
    socket.on("data", (chunk: Buffer) => {
      conn.chunks.push(chunk);
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        const end = pending.indexOf("\r\n\r\n");
        if (end < 0) return;
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(pending.toString("latin1", 0, end))?.[1] ?? 0);
        if (pending.length < end + 4 + length) return;
        const request = pending.subarray(0, end + 4 + length);
        pending = pending.subarray(end + 4 + length);
        conn.requests.push(request);
        onRequest(conn, request);
      }
    });
  };
  const server = options.tls ? tls.createServer(options.tls, onSocket) : net.createServer(onSocket);
  const port = await listen(server, options.host);
  cleanups.push(() => {
    for (const c of connections) c.socket.destroy();
    return new Promise((resolve) => server.close(resolve));
  });
  return { port, connections };
}

/** An ordinary http server answering "answer to <url>", counting connections. */
async function httpServer(handler: http.RequestListener = (req, res) => res.end(`answer to ${req.url}`)) {
  const sockets: net.Socket[] = [];
  const server = http.createServer(handler);
  server.on("connection", (s: net.Socket) => sockets.push(s));
  const port = await listen(server);
  cleanups.push(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  return { port, sockets };
}

async function listen(server: net.Server, host = "127.0.0.1"): Promise<number> {
  server.listen(0, host);
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

function pool(options: Partial<PoolOptions> = {}): Http1ConnectionPool {
  const p = new Http1ConnectionPool({ idleSocketMs: 10_000, ...options });
  cleanups.push(() => p.close());
  return p;
}

function request(p: Http1ConnectionPool, port: number, req: Partial<Http1Request> = {}): PendingRequest {
  return p.request({ protocol: "http:", hostname: "127.0.0.1", port: String(port), method: "GET", path: "/", headers: {}, ...req });
}

/** An answer with a Content-Length body, as one string of bytes. */
function answer(body: string, head = "HTTP/1.1 200 OK\r\n"): Buffer {
  return Buffer.from(`${head}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

/** The request line of a request the server read. */
function requestLine(request: Buffer): string {
  return request.toString("latin1", 0, request.indexOf("\r\n"));
}

/** Sends the pool's connections for `port` (say 80 or 443, where no test can listen) to `actualPort`. */
function redirectConnections(p: Http1ConnectionPool, actualPort: number): void {
  // connect() is private; wrapping it is the one way to see the Host header of a default port on the wire.
  const internals = p as unknown as { connect(req: Http1Request): net.Socket };
  const connect = internals.connect.bind(p);
  internals.connect = (req) => connect({ ...req, port: String(actualPort) });
}

/** What socket.write received while `fn` ran (synchronously). */
function socketWritesDuring<T>(fn: () => T): { result: T; writes: Buffer[] } {
  const proto = net.Socket.prototype;
  const own = Object.hasOwn(proto, "write");
  const original = proto.write;
  const writes: Buffer[] = [];
  proto.write = function (this: net.Socket, ...args: unknown[]) {
    writes.push(Buffer.from(args[0] as Buffer));
    return Reflect.apply(original, this, args) as boolean;
  } as typeof original;
  try {
    return { result: fn(), writes };
  } finally {
    if (own) proto.write = original;
    else delete (proto as { write?: unknown }).write;
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function ipv6Loopback(): Promise<boolean> {
  const probe = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => probe.once("error", reject).listen(0, "::1", resolve));
    await new Promise((resolve) => probe.close(resolve));
    return true;
  } catch {
    return false;
  }
}

describe("the request on the wire", { timeout: 60_000 }, () => {
  it("GET: request line, Host with the port, the caller's headers in their order and case, nothing else", bounded, async () => {
    const srv = await rawServer((c) => c.socket.write(answer("ok")));
    const res = await request(pool(), srv.port, { path: "/key/info?key=a%20b&x=1", headers: { "X-Zeta": "1", accept: "application/json", "User-Agent": "litellm-tf/0.1 (test)" } }).response;
    assert.equal(res.body.toString(), "ok");
    assert.equal(
      srv.connections[0]!.requests[0]!.toString("latin1"),
      `GET /key/info?key=a%20b&x=1 HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nX-Zeta: 1\r\naccept: application/json\r\nUser-Agent: litellm-tf/0.1 (test)\r\n\r\n`,
    );
  });

  it("POST: Content-Length is the body's byte length; head and body go out in one write and arrive together", bounded, async () => {
    const srv = await rawServer((c) => c.socket.write(answer("created", "HTTP/1.1 201 Created\r\n")));
    const body = Buffer.from('{"team_alias":"Zoë ✓"}');
    const p = pool();
    const { result: pending, writes } = socketWritesDuring(() =>
      request(p, srv.port, { method: "POST", path: "/team/new", headers: { "Content-Type": "application/json" }, body }),
    );
    const res = await pending.response;
    assert.equal(res.status, 201);
    const expected = Buffer.concat([Buffer.from(`POST /team/new HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`), body]);
    assert.ok(body.length > [...body.toString()].length, "the body has multi-byte characters");
    assert.deepEqual(writes, [expected]);
    assert.deepEqual(srv.connections[0]!.chunks[0], expected, "the first bytes the server read are the whole request");
  });

  for (const port of ["", "80"]) {
    it(`http with port ${JSON.stringify(port)}: Host has no port`, bounded, async () => {
      const srv = await rawServer((c) => c.socket.write(answer("ok")));
      const p = pool();
      redirectConnections(p, srv.port);
      await request(p, 0, { port, hostname: "127.0.0.1" }).response;
      assert.equal(srv.connections[0]!.requests[0]!.toString("latin1"), "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    });
  }

  it("an IPv6 literal is put in brackets in Host", bounded, async () => {
    if (await ipv6Loopback()) {
      const srv = await rawServer((c) => c.socket.write(answer("ok")), { host: "::1" });
      await request(pool(), srv.port, { hostname: "::1" }).response;
      assert.equal(srv.connections[0]!.requests[0]!.toString("latin1"), `GET / HTTP/1.1\r\nHost: [::1]:${srv.port}\r\n\r\n`);
    } else {
      // No ::1 on this machine: the Host header's form is still checked, on a connection sent to 127.0.0.1.
      const srv = await rawServer((c) => c.socket.write(answer("ok")));
      const p = pool();
      const internals = p as unknown as { connect(req: Http1Request): net.Socket };
      const connect = internals.connect.bind(p);
      internals.connect = (req) => connect({ ...req, hostname: "127.0.0.1" });
      await request(p, srv.port, { hostname: "::1" }).response;
      assert.equal(srv.connections[0]!.requests[0]!.toString("latin1"), `GET / HTTP/1.1\r\nHost: [::1]:${srv.port}\r\n\r\n`);
    }
  });
});

describe("header injection is refused before connecting", { timeout: 60_000 }, () => {
  const secret = "sk-live-4f9d2c7be01a";
  const cases: { name: string; headers: Record<string, string>; code: string }[] = [
    { name: "a value with CR LF", headers: { Authorization: `Bearer ${secret}\r\nX-Injected: 1` }, code: "ERR_INVALID_CHAR" },
    { name: "a value with a bare LF", headers: { Authorization: `Bearer ${secret}\nX-Injected: 1` }, code: "ERR_INVALID_CHAR" },
    { name: "a value with a bare CR", headers: { Authorization: `Bearer ${secret}\rX-Injected: 1` }, code: "ERR_INVALID_CHAR" },
    { name: "a value with NUL", headers: { Authorization: `Bearer ${secret}\0` }, code: "ERR_INVALID_CHAR" },
    { name: "a value with DEL", headers: { Authorization: `Bearer ${secret}\x7f` }, code: "ERR_INVALID_CHAR" },
    { name: "a value with a character beyond Latin-1", headers: { Authorization: `Bearer ${secret}€` }, code: "ERR_INVALID_CHAR" },
    { name: "a name with a space", headers: { "X Api Key": secret }, code: "ERR_INVALID_HTTP_TOKEN" },
    { name: "a name with a colon", headers: { "X-Api-Key:": secret }, code: "ERR_INVALID_HTTP_TOKEN" },
    { name: "a name with CR LF", headers: { "X-A\r\nX-Injected": secret }, code: "ERR_INVALID_HTTP_TOKEN" },
    { name: "an empty name", headers: { "": secret }, code: "ERR_INVALID_HTTP_TOKEN" },
    { name: "a good header, then a bad value", headers: { Accept: "application/json", Authorization: `Bearer ${secret}\r\n` }, code: "ERR_INVALID_CHAR" },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.code}; the message keeps the value out`, bounded, async () => {
      const srv = await rawServer((conn) => conn.socket.write(answer("ok")));
      const p = pool();
      let thrown: unknown;
      try {
        request(p, srv.port, { method: "POST", headers: c.headers, body: Buffer.from("{}") });
      } catch (e) {
        thrown = e;
      }
      assert.ok(thrown instanceof ConnectionError, `expected a ConnectionError, got ${String(thrown)}`);
      assert.equal(thrown.code, c.code);
      assert.ok(!thrown.message.includes(secret), `the message shows the secret: ${thrown.message}`);
      // A request that does connect, so that the count below would have seen the refused one.
      await request(p, srv.port, { path: "/after" }).response;
      assert.equal(srv.connections.length, 1);
      assert.deepEqual(srv.connections[0]!.requests.map(requestLine), ["GET /after HTTP/1.1"]);
    });
  }

  it("a refused request leaves an idle connection in the pool, unused", bounded, async () => {
    const srv = await rawServer((conn) => conn.socket.write(answer("ok")));
    const p = pool();
    await request(p, srv.port, { path: "/one" }).response;
    assert.throws(() => request(p, srv.port, { headers: { "X-Key": `${secret}\r\n` } }), (e: unknown) => e instanceof ConnectionError && e.code === "ERR_INVALID_CHAR");
    await request(p, srv.port, { path: "/two" }).response;
    assert.equal(srv.connections.length, 1);
    assert.deepEqual(srv.connections[0]!.requests.map(requestLine), ["GET /one HTTP/1.1", "GET /two HTTP/1.1"]);
  });
});

describe("keep-alive", { timeout: 60_000 }, () => {
  it("sequential requests share one connection", bounded, async () => {
    const srv = await httpServer();
    const p = pool();
    for (const path of ["/a", "/b", "/c"]) assert.equal((await request(p, srv.port, { path }).response).body.toString(), `answer to ${path}`);
    assert.equal(srv.sockets.length, 1);
  });

  it("5 concurrent requests open 5 connections, and the next 5 reuse them all", bounded, async () => {
    const srv = await httpServer();
    const p = pool();
    const batch = (round: number) => Promise.all([0, 1, 2, 3, 4].map((i) => request(p, srv.port, { path: `/${round}/${i}` }).response));
    const first = await batch(1);
    assert.deepEqual(first.map((r) => r.body.toString()), ["/1/0", "/1/1", "/1/2", "/1/3", "/1/4"].map((u) => `answer to ${u}`));
    assert.equal(srv.sockets.length, 5);
    const second = await batch(2);
    assert.deepEqual(second.map((r) => r.body.toString()), ["/2/0", "/2/1", "/2/2", "/2/3", "/2/4"].map((u) => `answer to ${u}`));
    assert.equal(srv.sockets.length, 5);
  });

  it("the answer to HEAD has a Content-Length but no body, and the connection carries the next request", bounded, async () => {
    const srv = await rawServer((c, req) =>
      c.socket.write(requestLine(req).startsWith("HEAD") ? "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n" : answer("after head")),
    );
    const p = pool();
    const head = await request(p, srv.port, { method: "HEAD" }).response;
    assert.equal(head.headers["content-length"], "1234");
    assert.equal(head.body.length, 0);
    assert.equal((await request(p, srv.port).response).body.toString(), "after head");
    assert.equal(srv.connections.length, 1);
  });

  it("an answer followed by extra bytes: its connection is closed, not reused", bounded, async () => {
    const srv = await rawServer((c) => c.socket.write(Buffer.concat([answer("ok"), Buffer.from("HTTP/1.1 200 OK\r\n")])));
    const p = pool();
    assert.equal((await request(p, srv.port).response).body.toString(), "ok");
    await srv.connections[0]!.closed;
    assert.equal((await request(p, srv.port).response).body.toString(), "ok");
    assert.equal(srv.connections.length, 2);
  });

  it("extra bytes that arrive later, while the connection is idle: it is closed, not reused", bounded, async () => {
    let stray!: () => void;
    const strayWritten = new Promise<void>((resolve) => (stray = resolve));
    const srv = await rawServer((c) => {
      c.socket.write(answer("ok"));
      // Once the client has had the answer (and pooled the connection), a stale answer nobody asked for.
      if (c.requests.length === 1) setTimeout(() => c.socket.write(answer("stale"), () => stray()), 30);
    });
    const p = pool();
    assert.equal((await request(p, srv.port).response).body.toString(), "ok");
    await strayWritten;
    await srv.connections[0]!.closed;
    assert.equal((await request(p, srv.port).response).body.toString(), "ok");
    assert.equal(srv.connections.length, 2);
  });

  it("Connection: close: the pool closes the connection itself and opens a new one", bounded, async () => {
    // The server keeps its side open: only the pool's own decision closes it.
    const srv = await rawServer((c) => c.socket.write(answer("bye", "HTTP/1.1 200 OK\r\nConnection: close\r\n")));
    const p = pool();
    assert.equal((await request(p, srv.port).response).body.toString(), "bye");
    await srv.connections[0]!.closed;
    assert.equal((await request(p, srv.port).response).body.toString(), "bye");
    assert.equal(srv.connections.length, 2);
  });

  it("a body delimited by the end of the connection is whole, and the next request opens a new connection", bounded, async () => {
    const srv = await rawServer((c) => {
      c.socket.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nfirst part, ");
      setTimeout(() => c.socket.end("second part ü"), 20);
    });
    const p = pool();
    assert.equal((await request(p, srv.port).response).body.toString(), "first part, second part ü");
    assert.equal((await request(p, srv.port).response).body.toString(), "first part, second part ü");
    assert.equal(srv.connections.length, 2);
  });

  it("many requests on one connection leave no listeners behind (no MaxListenersExceededWarning)", bounded, async () => {
    const srv = await httpServer();
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on("warning", onWarning);
    cleanups.push(() => process.off("warning", onWarning));
    const p = pool();
    for (let i = 0; i < 25; i++) await request(p, srv.port, { path: `/${i}` }).response;
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    assert.equal(srv.sockets.length, 1);
    assert.deepEqual(warnings, []);
  });
});

describe("failures", { timeout: 60_000 }, () => {
  it("nothing listening → ECONNREFUSED", bounded, async () => {
    const e = await failure(request(pool(), await closedPort()).response);
    assert.ok(e instanceof ConnectionError, `got ${e.name}: ${e.message}`);
    assert.equal(e.code, "ECONNREFUSED");
  });

  it("the server reads the request and closes without answering → ECONNRESET", bounded, async () => {
    const srv = await rawServer((c) => c.socket.end());
    const e = (await failure(request(pool(), srv.port).response)) as ConnectionError;
    assert.equal(e.code, "ECONNRESET");
    assert.equal(srv.connections[0]!.requests.length, 1);
  });

  it("the server sends half the headers and closes → ECONNRESET", bounded, async () => {
    const srv = await rawServer((c) => c.socket.end("HTTP/1.1 200 OK\r\nContent-Type: appl"));
    const e = (await failure(request(pool(), srv.port).response)) as ConnectionError;
    assert.equal(e.code, "ECONNRESET");
  });

  it("the server resets the connection mid-body → ECONNRESET", bounded, async () => {
    const srv = await rawServer((c) => c.socket.write("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n{\"partial\":", () => setTimeout(() => c.socket.resetAndDestroy(), 20)));
    const e = (await failure(request(pool(), srv.port).response)) as ConnectionError;
    assert.equal(e.code, "ECONNRESET");
  });

  it("a malformed answer → ERR_HTTP_PARSE, and the connection is closed", bounded, async () => {
    const srv = await rawServer((c) => c.socket.write("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n"));
    const e = await failure(request(pool(), srv.port).response);
    assert.ok(e instanceof ConnectionError, `got ${e.name}: ${e.message}`);
    assert.equal(e.code, "ERR_HTTP_PARSE");
    await srv.connections[0]!.closed;
  });

  it("headers over 80 KiB → HPE_HEADER_OVERFLOW", bounded, async () => {
    const srv = await rawServer((c) => c.socket.write(`HTTP/1.1 200 OK\r\nX-Big: ${"a".repeat(90 * 1024)}\r\nContent-Length: 0\r\n\r\n`));
    const e = (await failure(request(pool(), srv.port).response)) as ConnectionError;
    assert.equal(e.code, "HPE_HEADER_OVERFLOW");
  });

  it("abort() in flight: the server sees the connection close and the promise never settles", bounded, async () => {
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    const srv = await rawServer(() => arrived()); // never answers
    const pending = request(pool(), srv.port);
    const outcome = pending.response.then(
      () => "resolved",
      (e: Error) => `rejected: ${e.message}`,
    );
    await requestArrived;
    pending.abort();
    await srv.connections[0]!.closed;
    assert.equal(await Promise.race([outcome, pause(100).then(() => "pending")]), "pending");
  });

  for (const how of ["FIN", "RST"] as const) {
    it(`the server closes an idle pooled connection (${how}): no error surfaces, the next request opens a new connection`, bounded, async () => {
      const srv = await rawServer((c) => c.socket.write(answer("ok")));
      const p = pool();
      await request(p, srv.port).response;
      const first = srv.connections[0]!;
      if (how === "FIN") first.socket.end();
      else first.socket.resetAndDestroy();
      await first.closed;
      await pause(50); // the client side's close (and, for RST, its ECONNRESET) arrives meanwhile
      assert.equal((await request(p, srv.port).response).body.toString(), "ok");
      assert.equal(srv.connections.length, 2);
    });
  }

  it("idle pooled connections do not keep the process alive", { timeout: 30_000 }, async () => {
    const srv = await rawServer((c, req) => c.socket.write(answer(requestLine(req).split(" ")[1]!)));
    const root = path.resolve(__dirname, "../..");
    const child = spawn(process.execPath, ["--import", "tsx", path.join(__dirname, "http1-connection-pool.test-support.ts"), String(srv.port)], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    // The pool's idle timeout is 10 minutes: a process that does not end within seconds is held by its socket.
    let killed = false;
    const guard = setTimeout(() => {
      killed = true;
      child.kill("SIGKILL");
    }, 15_000);
    const [code] = (await once(child, "exit")) as [number | null];
    clearTimeout(guard);
    assert.equal(killed, false, `the process was still running with its idle connection; output: ${stdout}`);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, "200 /first\n200 /second\n");
    assert.equal(srv.connections.length, 1, "both requests went over one kept-alive connection");
    await srv.connections[0]!.closed; // closed by the process's exit
  });
});

describe("https", { timeout: 60_000 }, () => {
  const cert = createSelfSignedCertificate({ dnsName: "localhost" });
  const tlsOptions: tls.TlsOptions = { cert: cert.certPem, key: cert.keyPem };

  function httpsRequest(p: Http1ConnectionPool, port: number, req: Partial<Http1Request> = {}): PendingRequest {
    return request(p, port, { protocol: "https:", hostname: "localhost", ...req });
  }

  it("a server certificate trusted through `ca`: answers, keep-alive, SNI names the host", bounded, async () => {
    const srv = await rawServer((c, req) => c.socket.write(answer(`secure ${requestLine(req)} ü`)), { host: "localhost", tls: tlsOptions });
    const p = pool({ ca: [cert.certPem] });
    assert.equal((await httpsRequest(p, srv.port, { path: "/a" }).response).body.toString(), "secure GET /a HTTP/1.1 ü");
    assert.equal((await httpsRequest(p, srv.port, { path: "/b" }).response).body.toString(), "secure GET /b HTTP/1.1 ü");
    assert.equal(srv.connections.length, 1);
    assert.equal((srv.connections[0]!.socket as tls.TLSSocket).servername, "localhost");
    assert.equal(srv.connections[0]!.requests[0]!.toString("latin1"), `GET /a HTTP/1.1\r\nHost: localhost:${srv.port}\r\n\r\n`);
  });

  it("a certificate nobody trusts → a code isCertificateError() accepts", bounded, async () => {
    const srv = await rawServer((c) => c.socket.write(answer("never")), { host: "localhost", tls: tlsOptions });
    const e = (await failure(httpsRequest(pool(), srv.port).response)) as ConnectionError;
    assert.ok(isCertificateError(e.code), `expected a certificate code, got ${e.code}: ${e.message}`);
    assert.equal(srv.connections.length, 0, "the server never completed a handshake");
  });

  it("rejectUnauthorized: false → answers from the untrusted server", bounded, async () => {
    const srv = await rawServer((c) => c.socket.write(answer("unverified")), { host: "localhost", tls: tlsOptions });
    const p = pool({ rejectUnauthorized: false });
    assert.equal((await httpsRequest(p, srv.port).response).body.toString(), "unverified");
    assert.equal((await httpsRequest(p, srv.port).response).body.toString(), "unverified");
    assert.equal(srv.connections.length, 1);
  });

  it("an IP address as host: no SNI (RFC 6066 forbids it)", bounded, async () => {
    const srv = await rawServer((c) => c.socket.write(answer("by ip")), { tls: tlsOptions });
    const p = pool({ rejectUnauthorized: false });
    assert.equal((await httpsRequest(p, srv.port, { hostname: "127.0.0.1" }).response).body.toString(), "by ip");
    assert.equal((srv.connections[0]!.socket as tls.TLSSocket).servername, false);
  });

  it("port 443: Host has no port", bounded, async () => {
    const srv = await rawServer((c) => c.socket.write(answer("ok")), { host: "localhost", tls: tlsOptions });
    const p = pool({ ca: [cert.certPem] });
    redirectConnections(p, srv.port);
    await httpsRequest(p, 0, { port: "443" }).response;
    assert.equal(srv.connections[0]!.requests[0]!.toString("latin1"), "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
  });
});
