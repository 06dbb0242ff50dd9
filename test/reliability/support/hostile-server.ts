// A server in front of the emulator that answers chosen requests with a hostile HTTP/1.1 answer, written byte
// by byte to the socket, and passes every other request on to the emulator. Test code: it reads requests with
// Node's own http server and never parses an answer.
import http from "node:http";
import type net from "node:net";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";

/** Writes a hostile answer to the raw socket; `url` is the request's path and query. */
export type Hostility = (socket: net.Socket, url: string) => void;

/** A JSON body so large nobody should read it; generated once, lazily (256 MiB of spaces → ~250 KiB gzip). */
let bombs: { gzip: Buffer; br: Buffer } | undefined;
export function compressionBombs(): { gzip: Buffer; br: Buffer } {
  if (!bombs) {
    const inflated = Buffer.alloc(256 * 1024 * 1024, 0x20);
    bombs = {
      gzip: zlib.gzipSync(inflated, { level: 9 }),
      br: zlib.brotliCompressSync(inflated, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
    };
  }
  return bombs;
}

function endless(socket: net.Socket, chunk: Buffer | string): void {
  const pump = () => {
    while (!socket.destroyed && socket.write(chunk));
  };
  socket.on("drain", pump);
  pump();
}

function every(ms: number, socket: net.Socket, write: () => void): void {
  const timer = setInterval(() => (socket.writable ? write() : clearInterval(timer)), ms);
  socket.on("close", () => clearInterval(timer));
}

const head = (lines: string[]) => `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n${lines.map((l) => `${l}\r\n`).join("")}\r\n`;

/** The corpus: what each hostile answer looks like on the wire. */
export const hostileAnswers: Record<string, { faults: string; answer: Hostility }> = {
  "huge body": {
    faults: "200 with a 3 GiB Content-Length, streamed until the client hangs up",
    answer: (s) => {
      s.write(head([`Content-Length: ${3 * 1024 ** 3}`]));
      endless(s, Buffer.alloc(64 * 1024, 0x20));
    },
  },
  "huge chunked body": {
    faults: "200 chunked with no length, 64 KiB chunks without end",
    answer: (s) => {
      s.write(head(["Transfer-Encoding: chunked"]));
      endless(s, `10000\r\n${" ".repeat(0x10000)}\r\n`);
    },
  },
  "gzip bomb": {
    faults: "unasked Content-Encoding: gzip, ~250 KiB inflating to 256 MiB",
    answer: (s) => s.write(Buffer.concat([Buffer.from(head(["Content-Encoding: gzip", `Content-Length: ${compressionBombs().gzip.length}`])), compressionBombs().gzip])),
  },
  "brotli bomb": {
    faults: "unasked Content-Encoding: br, a few KiB inflating to 256 MiB",
    answer: (s) => s.write(Buffer.concat([Buffer.from(head(["Content-Encoding: br", `Content-Length: ${compressionBombs().br.length}`])), compressionBombs().br])),
  },
  "TE + CL": {
    faults: "Transfer-Encoding: chunked and Content-Length together (RFC 9112 §6.3)",
    answer: (s) => s.write(head(["Content-Length: 2", "Transfer-Encoding: chunked"]) + "2\r\n{}\r\n0\r\n\r\n"),
  },
  "bare LF": {
    faults: "a bare LF hiding a header line",
    answer: (s) => s.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\nX-Smuggled: 1\r\nContent-Length: 2\r\n\r\n{}"),
  },
  "obs-fold": {
    faults: "a header folded onto a continuation line",
    answer: (s) => s.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Folded: a\r\n b\r\nContent-Length: 2\r\n\r\n{}"),
  },
  "1xx flood": {
    faults: "103 Early Hints every 2 ms, never a final answer",
    answer: (s) => every(2, s, () => s.write("HTTP/1.1 103 Early Hints\r\nLink: </x>; rel=preload\r\n\r\n")),
  },
  "status 000": {
    faults: "status line HTTP/1.1 000",
    answer: (s) => s.write("HTTP/1.1 000 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"),
  },
  trickle: {
    faults: "a valid 200 sent one byte every 100 ms",
    answer: (s) => {
      const bytes = Buffer.from(head(["Content-Length: 40"]) + JSON.stringify({ user_id: "trickled", pad: "xxxxxxxxx" }).padEnd(40));
      let i = 0;
      every(100, s, () => (i < bytes.length ? s.write(bytes.subarray(i, ++i)) : undefined));
    },
  },
  "reset mid-body": {
    faults: "200 with Content-Length: 1000, 20 bytes of body, then a TCP reset",
    answer: (s) => s.write(head(["Content-Length: 1000"]) + '{"user_id": "half', () => setTimeout(() => s.resetAndDestroy(), 20)),
  },
};

/** A well-formed 200 with a JSON body, on a connection closed after it (the client opens the next one). */
function jsonAnswer(socket: net.Socket, body: unknown): void {
  const text = JSON.stringify(body);
  socket.end(head([`Content-Length: ${Buffer.byteLength(text)}`, "Connection: close"]) + text);
}

const pageOf = (url: string) => Number(new URL(url, "http://x").searchParams.get("page") ?? "1");
const keyRow = (n: number) => ({ token: `hostile-token-${n}`, key_alias: `hostile-${n}`, models: [], spend: 0 });

/** Well-formed answers to GET /key/list whose paging never lets a reader finish. */
export const endlessListings: Record<string, { faults: string; answer: Hostility }> = {
  "pages without end": {
    faults: "every page brings a new row and announces one page more (total_pages = page + 1)",
    answer: (s, url) => jsonAnswer(s, { keys: [keyRow(pageOf(url))], current_page: pageOf(url), total_pages: pageOf(url) + 1 }),
  },
  "the same page again": {
    faults: 'the same page whatever "page" asks, announcing 500 pages',
    answer: (s, url) => jsonAnswer(s, { keys: [keyRow(1), keyRow(2)], current_page: pageOf(url), total_pages: 500 }),
  },
  "a billion pages": {
    faults: "page 1 announces 1,000,000,000 pages of 100 billion rows",
    answer: (s, url) => jsonAnswer(s, { keys: [keyRow(pageOf(url))], total_count: 100_000_000_000, current_page: pageOf(url), total_pages: 1_000_000_000 }),
  },
};

export interface HostileServer {
  url: string;
  /** The hostile answer to send to requests matching `path` (every time), or undefined to pass all through. */
  set(path: string, answer: Hostility | undefined): void;
  /** Hostile answers sent since the last set(). */
  readonly hits: number;
  close(): Promise<void>;
}

export async function startHostileServer(upstream: string): Promise<HostileServer> {
  let target: { path: string; answer: Hostility } | undefined;
  let hits = 0;
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (target && path === target.path) {
      hits++;
      // The request is never passed on: LiteLLM does not act on it. The raw socket gets the hostile bytes.
      req.resume();
      const socket = req.socket;
      socket.on("error", () => {});
      return target.answer(socket, req.url ?? "");
    }
    const forward = http.request(`${upstream}${req.url}`, { method: req.method, headers: req.headers, agent }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  const sockets = new Set<net.Socket>();
  server.on("connection", (s: net.Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    set(path, answer) {
      target = answer ? { path, answer } : undefined;
      hits = 0;
    },
    get hits() {
      return hits;
    },
    async close() {
      for (const s of sockets) s.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
