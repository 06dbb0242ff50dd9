// HTTP/1.1 requests over keep-alive connections (node:net / node:tls sockets), one request at a time per
// connection. It does what the LiteLLM client needs and no more: no proxies, redirects, compression or
// streaming. Node's http client costs 5-8 times the CPU per request (its request/response streams, the
// agent's bookkeeping); a provider process makes hundreds of calls and lives seconds, so that cost showed.
import type net from "node:net";
import { HttpParseError, ResponseParser, type ParsedResponse } from "./http1-response-parser";

export interface PoolOptions {
  /** Idle connections are closed after this long (before the server's own keep-alive timeout). */
  idleSocketMs: number;
  /** For https: the certificate authorities to trust (default: Node's), and whether to verify at all. */
  ca?: string[];
  rejectUnauthorized?: boolean;
}

export interface Http1Request {
  protocol: "http:" | "https:";
  hostname: string;
  port: string;
  method: string;
  /** Path and query string. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface PendingRequest {
  response: Promise<ParsedResponse>;
  /** Drops the connection; the response promise then never settles, so the caller settles its own. */
  abort(): void;
}

/** An error as Node's own sockets give them: a message and a code such as ECONNRESET. */
export class ConnectionError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

interface IdleConnection {
  socket: net.Socket;
  timer: NodeJS.Timeout;
  /** The listeners that watch it while idle, removed when it is taken. */
  onClose: () => void;
  onError: () => void;
  onData: () => void;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** What Node's own http client refuses in a header value (CR and LF above all: header injection). */
const FORBIDDEN_IN_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

export class Http1ConnectionPool {
  private readonly idle = new Map<string, IdleConnection[]>();

  constructor(private readonly options: PoolOptions) {}

  request(req: Http1Request): PendingRequest {
    const head = requestHead(req);
    const origin = `${req.protocol}//${req.hostname}:${req.port}`;
    const socket = this.takeIdle(origin) ?? this.connect(req);
    let aborted = false;
    const response = new Promise<ParsedResponse>((resolve, reject) => {
      const parser = new ResponseParser(req.method === "HEAD");
      const cleanup = () => {
        socket.off("data", onData);
        socket.off("end", onEnd);
        socket.off("close", onClose);
        socket.off("error", onError);
      };
      const fail = (error: Error) => {
        cleanup();
        discard(socket);
        if (!aborted) reject(error);
      };
      const onData = (chunk: Buffer) => {
        let done: ParsedResponse | undefined;
        try {
          done = parser.push(chunk);
        } catch (e) {
          return fail(e instanceof HttpParseError ? new ConnectionError(e.message, e.code) : (e as Error));
        }
        if (!done) return;
        cleanup();
        if (done.keepAlive && parser.extraBytes === 0) this.release(origin, socket);
        else discard(socket);
        resolve(done);
      };
      const onEnd = () => {
        const done = parser.end();
        if (!done) return fail(new ConnectionError("the connection closed before the whole answer arrived", "ECONNRESET"));
        cleanup();
        discard(socket);
        resolve(done);
      };
      const onClose = () => fail(new ConnectionError("the connection closed before the whole answer arrived", "ECONNRESET"));
      const onError = (e: NodeJS.ErrnoException) => fail(new ConnectionError(e.message, e.code ?? "ECONNRESET"));
      socket.on("data", onData);
      socket.on("end", onEnd);
      socket.on("close", onClose);
      socket.on("error", onError);
    });
    // One write for head and body: one packet for a small request.
    socket.write(req.body ? Buffer.concat([head, req.body]) : head);
    return {
      response,
      abort: () => {
        aborted = true;
        discard(socket);
      },
    };
  }

  /** Closes every idle connection. */
  close(): void {
    for (const list of this.idle.values()) for (const c of [...list]) this.dropIdle(c);
    this.idle.clear();
  }

  private connect(req: Http1Request): net.Socket {
    // Loaded on the first connection; Node caches the modules, so later connections pay nothing for this.
    const net = require("node:net") as typeof import("node:net");
    const port = Number(req.port || (req.protocol === "https:" ? 443 : 80));
    const socket =
      req.protocol === "https:"
        ? (require("node:tls") as typeof import("node:tls")).connect({
            host: req.hostname,
            port,
            servername: net.isIP(req.hostname) === 0 ? req.hostname : undefined,
            ca: this.options.ca,
            rejectUnauthorized: this.options.rejectUnauthorized ?? true,
            ALPNProtocols: ["http/1.1"],
          })
        : net.connect({ host: req.hostname, port });
    socket.setNoDelay(true);
    return socket;
  }


  private takeIdle(origin: string): net.Socket | undefined {
    const list = this.idle.get(origin);
    while (list?.length) {
      const c = list.pop()!;
      this.unwatch(c);
      if (c.socket.destroyed || !c.socket.writable || c.socket.readableEnded) {
        discard(c.socket);
        continue;
      }
      c.socket.ref();
      return c.socket;
    }
    return undefined;
  }

  private release(origin: string, socket: net.Socket): void {
    if (socket.destroyed) return;
    let list = this.idle.get(origin);
    if (!list) this.idle.set(origin, (list = []));
    const idleList = list;
    const entry: IdleConnection = {
      socket,
      timer: setTimeout(() => this.dropIdle(entry), this.options.idleSocketMs),
      // The server may close an idle connection at any time; that is no error of any request.
      onClose: () => {
        const i = idleList.indexOf(entry);
        if (i >= 0) idleList.splice(i, 1);
        this.unwatch(entry);
      },
      onError: () => discard(socket),
      // Bytes nobody asked for (a late part of the last answer, a stale one): the next answer could not be told from them.
      onData: () => discard(socket),
    };
    entry.timer.unref();
    socket.on("close", entry.onClose);
    socket.on("error", entry.onError);
    socket.on("data", entry.onData);
    socket.unref();
    list.push(entry);
  }

  private unwatch(entry: IdleConnection): void {
    clearTimeout(entry.timer);
    entry.socket.off("close", entry.onClose);
    entry.socket.off("error", entry.onError);
    entry.socket.off("data", entry.onData);
  }

  private dropIdle(entry: IdleConnection): void {
    entry.onClose(); // leaves the idle list now, not at the next lookup
    discard(entry.socket);
  }
}

/** Closes a connection no request uses any more; a late error on it (a TLS alert) must not crash us. */
function discard(socket: net.Socket): void {
  socket.on("error", ignore);
  socket.destroy();
}

function ignore(): void {}

function requestHead(req: Http1Request): Buffer {
  const defaultPort = req.protocol === "https:" ? "443" : "80";
  const host = req.hostname.includes(":") ? `[${req.hostname}]` : req.hostname;
  let head = `${req.method} ${req.path} HTTP/1.1\r\nHost: ${req.port && req.port !== defaultPort ? `${host}:${req.port}` : host}\r\n`;
  for (const [name, value] of Object.entries(req.headers)) {
    // The names and values never reach an error message: a value may be the master key.
    if (!TOKEN.test(name)) throw new ConnectionError(`invalid HTTP header name ${JSON.stringify(name)}`, "ERR_INVALID_HTTP_TOKEN");
    if (FORBIDDEN_IN_VALUE.test(value)) throw new ConnectionError(`invalid character in the value of the HTTP header ${name}`, "ERR_INVALID_CHAR");
    head += `${name}: ${value}\r\n`;
  }
  if (req.body) head += `Content-Length: ${req.body.length}\r\n`;
  return Buffer.from(head + "\r\n", "latin1");
}
