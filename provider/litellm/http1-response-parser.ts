// Reads one HTTP/1.1 response from a connection's bytes: status line, headers, and a body framed by
// Content-Length, chunked transfer coding, or the end of the connection.

export interface ParsedResponse {
  status: number;
  statusText: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  /** Whether the connection may carry another request after this response. */
  keepAlive: boolean;
}

export class HttpParseError extends Error {
  constructor(
    message: string,
    readonly code = "ERR_HTTP_PARSE",
  ) {
    super(message);
  }
}

const MAX_HEADER_BYTES = 80 * 1024;
const CRLF_CRLF = Buffer.from("\r\n\r\n");

type Framing = { kind: "length"; left: number } | { kind: "chunked" } | { kind: "close" };

export class ResponseParser {
  private head: Buffer = Buffer.alloc(0);
  private status = 0;
  private statusText = "";
  private headers: Record<string, string> = {};
  private framing: Framing | undefined;
  private keepAlive = false;
  private readonly body: Buffer[] = [];
  /** Chunked coding: bytes not yet parsed, and where we are in the chunk grammar. */
  private pending: Buffer = Buffer.alloc(0);
  private chunkLeft = -1;
  private inTrailers = false;
  private done: ParsedResponse | undefined;
  /** Bytes that arrived after the response ended (a misbehaving server). */
  extraBytes = 0;

  constructor(private readonly noBody: boolean) {}

  /** Feeds bytes; returns the response once it is complete. Throws HttpParseError on malformed input. */
  push(chunk: Buffer): ParsedResponse | undefined {
    if (this.done) {
      this.extraBytes += chunk.length;
      return this.done;
    }
    if (!this.framing) {
      this.head = this.head.length ? Buffer.concat([this.head, chunk]) : chunk;
      const end = this.head.indexOf(CRLF_CRLF);
      // The same limit however the bytes arrive: the head before its empty line, whose first 3 bytes may be here.
      if (end > MAX_HEADER_BYTES || (end < 0 && this.head.length > MAX_HEADER_BYTES + 3)) {
        throw new HttpParseError("the answer's headers are too large", "HPE_HEADER_OVERFLOW");
      }
      if (end < 0) return undefined;
      const rest = this.head.subarray(end + 4);
      this.readHead(this.head.toString("latin1", 0, end));
      this.head = Buffer.alloc(0);
      // An interim 1xx answer (100 Continue, 103 Early Hints) is followed by the real one.
      if (this.status >= 100 && this.status < 200) return rest.length ? this.push(rest) : undefined;
      chunk = rest;
    }
    this.readBody(chunk);
    return this.done;
  }

  /** The connection ended: completes a body framed by the end of the connection, else says it was cut. */
  end(): ParsedResponse | undefined {
    if (!this.done && this.framing?.kind === "close") this.complete();
    return this.done;
  }

  private readHead(text: string): void {
    const lines = text.split("\r\n");
    const m = /^HTTP\/1\.([01]) (\d{3})(?: (.*))?$/.exec(lines[0] ?? "");
    if (!m) throw new HttpParseError("the answer is not HTTP/1.x");
    const minor = m[1];
    this.status = Number(m[2]);
    this.statusText = m[3] ?? "";
    // A Map, not an object: header names such as "constructor" or "__proto__" are no object's members.
    const fields = new Map<string, string>();
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      const colon = line.indexOf(":");
      if (colon <= 0 || /[\s]/.test(line[colon - 1]!)) throw new HttpParseError("the answer has a malformed header line");
      const name = line.slice(0, colon).toLowerCase();
      const value = line.slice(colon + 1).trim();
      const previous = fields.get(name);
      fields.set(name, previous === undefined ? value : `${previous}, ${value}`);
    }
    const headers: Record<string, string> = Object.fromEntries(fields);
    this.headers = headers;
    if (this.status >= 100 && this.status < 200) return;

    const connection = (headers.connection ?? "").toLowerCase();
    this.keepAlive = minor === "1" ? !/\bclose\b/.test(connection) : /\bkeep-alive\b/.test(connection);
    const transferEncoding = headers["transfer-encoding"];
    const contentLength = headers["content-length"];
    if (this.noBody || this.status === 204 || this.status === 304) {
      this.framing = { kind: "length", left: 0 };
    } else if (transferEncoding !== undefined) {
      if (!/(^|,)\s*chunked\s*$/i.test(transferEncoding)) throw new HttpParseError(`unsupported transfer coding ${transferEncoding}`);
      this.framing = { kind: "chunked" };
    } else if (contentLength !== undefined) {
      const lengths = new Set(contentLength.split(",").map((s) => s.trim()));
      const [only] = lengths;
      if (lengths.size !== 1 || !/^\d{1,15}$/.test(only!)) throw new HttpParseError("the answer has an invalid Content-Length");
      this.framing = { kind: "length", left: Number(only) };
    } else {
      this.framing = { kind: "close" };
      this.keepAlive = false;
    }
  }

  private readBody(chunk: Buffer): void {
    const framing = this.framing!;
    if (framing.kind === "close") {
      if (chunk.length) this.body.push(chunk);
    } else if (framing.kind === "length") {
      const take = Math.min(framing.left, chunk.length);
      if (take) this.body.push(chunk.subarray(0, take));
      framing.left -= take;
      if (framing.left === 0) {
        this.extraBytes += chunk.length - take;
        this.complete();
      }
    } else {
      this.readChunked(chunk);
    }
  }

  private readChunked(chunk: Buffer): void {
    let buf = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      if (this.chunkLeft > 0) {
        const take = Math.min(this.chunkLeft, buf.length);
        if (take) this.body.push(buf.subarray(0, take));
        this.chunkLeft -= take;
        buf = buf.subarray(take);
        if (this.chunkLeft > 0) break;
        this.chunkLeft = -2; // the CRLF after the data
      }
      const eol = buf.indexOf("\r\n");
      if (eol < 0) {
        if (buf.length > MAX_HEADER_BYTES) throw new HttpParseError("a chunk line of the answer is too long");
        break;
      }
      const line = buf.toString("latin1", 0, eol);
      buf = buf.subarray(eol + 2);
      if (this.chunkLeft === -2) {
        if (line !== "") throw new HttpParseError("a chunk of the answer is longer than its size says");
        this.chunkLeft = -1;
      } else if (this.inTrailers) {
        if (line === "") {
          this.extraBytes += buf.length;
          this.complete();
          buf = Buffer.alloc(0);
          break;
        }
      } else {
        const size = /^([0-9a-fA-F]{1,12})[ \t]*(;.*)?$/.exec(line);
        if (!size) throw new HttpParseError("the answer has a malformed chunk size");
        const n = parseInt(size[1]!, 16);
        if (n === 0) this.inTrailers = true;
        else this.chunkLeft = n;
      }
    }
    this.pending = buf.length ? Buffer.from(buf) : Buffer.alloc(0);
  }

  private complete(): void {
    this.done = {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
      body: this.body.length === 1 ? this.body[0]! : Buffer.concat(this.body),
      keepAlive: this.keepAlive,
    };
  }
}
