// The response parser on its own, without sockets: each response must parse the same however TCP cuts its
// bytes (whole, byte by byte, and at every position into two and into three pieces).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HttpParseError, ResponseParser, type ParsedResponse } from "./http1-response-parser";

interface Case {
  name: string;
  /** The response's bytes (strings are UTF-8). */
  bytes: string | Buffer;
  noBody?: boolean;
  /** Bytes after the response's end, which extraBytes must count. */
  after?: string;
  /** The body ends with the connection: push() never completes it, end() does. */
  closeDelimited?: boolean;
  expected: ParsedResponse;
}

const utf8Body = '{"name":"Zoë","note":"日本語 ✓"}';

const corpus: Case[] = [
  {
    name: "Content-Length: 0",
    bytes: "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
    expected: { status: 200, statusText: "OK", headers: { "content-length": "0" }, body: Buffer.alloc(0), keepAlive: true },
  },
  {
    name: "a small Content-Length body",
    bytes: "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}",
    expected: { status: 201, statusText: "Created", headers: { "content-type": "application/json", "content-length": "11" }, body: Buffer.from('{"ok":true}'), keepAlive: true },
  },
  {
    name: "a non-ASCII UTF-8 body counted in bytes",
    bytes: `HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(utf8Body)}\r\n\r\n${utf8Body}`,
    expected: { status: 200, statusText: "OK", headers: { "content-length": String(Buffer.byteLength(utf8Body)) }, body: Buffer.from(utf8Body), keepAlive: true },
  },
  {
    name: "the same Content-Length twice",
    bytes: "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc",
    expected: { status: 200, statusText: "OK", headers: { "content-length": "3, 3" }, body: Buffer.from("abc"), keepAlive: true },
  },
  {
    name: "chunked: several chunks, upper and lower case hex",
    bytes: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\nb\r\nabcdefghijk\r\n0\r\n\r\n",
    expected: { status: 200, statusText: "OK", headers: { "transfer-encoding": "chunked" }, body: Buffer.from("hello 0123456789abcdefghijk"), keepAlive: true },
  },
  {
    name: "chunked: extensions, a multi-byte character across chunks, trailers after the last chunk",
    // "ü" is C3 BC: the first chunk ends between its two bytes.
    bytes: Buffer.concat([
      Buffer.from("HTTP/1.1 200 OK\r\ntransfer-encoding: Chunked\r\nTrailer: X-Checksum\r\n\r\n3;a=b\r\nab"),
      Buffer.from([0xc3]),
      Buffer.from("\r\n3 ;name=\"quoted\"\r\n"),
      Buffer.from([0xbc]),
      Buffer.from("cd\r\n0;last=1\r\nX-Checksum: 123\r\nX-Other: a\r\n\r\n"),
    ]),
    expected: { status: 200, statusText: "OK", headers: { "transfer-encoding": "Chunked", trailer: "X-Checksum" }, body: Buffer.from("abücd"), keepAlive: true },
  },
  {
    name: "chunked: only the last chunk",
    bytes: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    expected: { status: 200, statusText: "OK", headers: { "transfer-encoding": "chunked" }, body: Buffer.alloc(0), keepAlive: true },
  },
  {
    name: "chunked wins over Content-Length",
    bytes: "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
    expected: { status: 200, statusText: "OK", headers: { "content-length": "100", "transfer-encoding": "chunked" }, body: Buffer.from("ok"), keepAlive: true },
  },
  {
    name: "a body delimited by the end of the connection",
    bytes: "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end ü",
    closeDelimited: true,
    expected: { status: 200, statusText: "OK", headers: { "content-type": "text/plain" }, body: Buffer.from("until the end ü"), keepAlive: false },
  },
  {
    name: "an empty body delimited by the end of the connection",
    bytes: "HTTP/1.1 500 Internal Server Error\r\n\r\n",
    closeDelimited: true,
    expected: { status: 500, statusText: "Internal Server Error", headers: {}, body: Buffer.alloc(0), keepAlive: false },
  },
  {
    name: "204 with a Content-Length header and no body",
    bytes: "HTTP/1.1 204 No Content\r\nContent-Length: 42\r\n\r\n",
    expected: { status: 204, statusText: "No Content", headers: { "content-length": "42" }, body: Buffer.alloc(0), keepAlive: true },
  },
  {
    name: "304 with Content-Length and Transfer-Encoding headers and no body",
    bytes: "HTTP/1.1 304 Not Modified\r\nContent-Length: 42\r\nTransfer-Encoding: chunked\r\n\r\n",
    expected: { status: 304, statusText: "Not Modified", headers: { "content-length": "42", "transfer-encoding": "chunked" }, body: Buffer.alloc(0), keepAlive: true },
  },
  {
    name: "the answer to HEAD: Content-Length header, no body",
    bytes: "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n",
    noBody: true,
    expected: { status: 200, statusText: "OK", headers: { "content-length": "1234" }, body: Buffer.alloc(0), keepAlive: true },
  },
  {
    name: "100 Continue before the real answer",
    bytes: "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
    expected: { status: 200, statusText: "OK", headers: { "content-length": "2" }, body: Buffer.from("ok"), keepAlive: true },
  },
  {
    name: "103 Early Hints with headers, then 100, then the real answer (interim headers are not kept)",
    bytes:
      "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\nX-Interim: yes\r\n\r\n" +
      "HTTP/1.1 100 Continue\r\n\r\n" +
      "HTTP/1.1 200 OK\r\nLink: </final>\r\nContent-Length: 4\r\n\r\ndone",
    expected: { status: 200, statusText: "OK", headers: { link: "</final>", "content-length": "4" }, body: Buffer.from("done"), keepAlive: true },
  },
  {
    name: "repeated headers joined, names lower-cased, values trimmed",
    bytes: "HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nX-Spaces:   padded value \t \r\nset-cookie:b=2\r\nSET-COOKIE: c=3\r\nX-Empty:\r\nContent-Length: 0\r\n\r\n",
    expected: { status: 200, statusText: "OK", headers: { "set-cookie": "a=1, b=2, c=3", "x-spaces": "padded value", "x-empty": "", "content-length": "0" }, body: Buffer.alloc(0), keepAlive: true },
  },
  {
    name: "headers named like Object.prototype members are plain values",
    bytes: "HTTP/1.1 200 OK\r\nConstructor: a\r\ntoString: b\r\n__proto__: c\r\nhasOwnProperty: d\r\nContent-Length: 0\r\n\r\n",
    expected: {
      status: 200,
      statusText: "OK",
      headers: Object.fromEntries([
        ["constructor", "a"],
        ["tostring", "b"],
        ["__proto__", "c"],
        ["hasownproperty", "d"],
        ["content-length", "0"],
      ]),
      body: Buffer.alloc(0),
      keepAlive: true,
    },
  },
  {
    name: "no reason phrase",
    bytes: "HTTP/1.1 200\r\nContent-Length: 1\r\n\r\nx",
    expected: { status: 200, statusText: "", headers: { "content-length": "1" }, body: Buffer.from("x"), keepAlive: true },
  },
  {
    name: "a reason phrase with spaces",
    bytes: "HTTP/1.1 422 Unprocessable Entity Here\r\nContent-Length: 1\r\n\r\nx",
    expected: { status: 422, statusText: "Unprocessable Entity Here", headers: { "content-length": "1" }, body: Buffer.from("x"), keepAlive: true },
  },
  {
    name: "HTTP/1.0 with a length: not kept alive",
    bytes: "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok",
    expected: { status: 200, statusText: "OK", headers: { "content-length": "2" }, body: Buffer.from("ok"), keepAlive: false },
  },
  {
    name: "HTTP/1.0 with Connection: keep-alive",
    bytes: "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok",
    expected: { status: 200, statusText: "OK", headers: { connection: "Keep-Alive", "content-length": "2" }, body: Buffer.from("ok"), keepAlive: true },
  },
  {
    name: "HTTP/1.0 without a length: delimited by the end of the connection",
    bytes: "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n\r\nbody",
    closeDelimited: true,
    expected: { status: 200, statusText: "OK", headers: { connection: "keep-alive" }, body: Buffer.from("body"), keepAlive: false },
  },
  {
    name: "HTTP/1.1 with Connection: close",
    bytes: "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok",
    expected: { status: 200, statusText: "OK", headers: { connection: "close", "content-length": "2" }, body: Buffer.from("ok"), keepAlive: false },
  },
  {
    name: "HTTP/1.1 with Connection: Upgrade, Close",
    bytes: "HTTP/1.1 200 OK\r\nConnection: Upgrade, Close\r\nContent-Length: 2\r\n\r\nok",
    expected: { status: 200, statusText: "OK", headers: { connection: "Upgrade, Close", "content-length": "2" }, body: Buffer.from("ok"), keepAlive: false },
  },
  {
    name: "bytes after a Content-Length body",
    bytes: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
    after: "HTTP/1.1 200 OK\r\n",
    expected: { status: 200, statusText: "OK", headers: { "content-length": "2" }, body: Buffer.from("ok"), keepAlive: true },
  },
  {
    name: "bytes after a chunked body",
    bytes: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n",
    after: "junk",
    expected: { status: 200, statusText: "OK", headers: { "transfer-encoding": "chunked" }, body: Buffer.from("ok"), keepAlive: true },
  },
  {
    name: "a body sent with a 204 counts as bytes after the end",
    bytes: "HTTP/1.1 204 No Content\r\n\r\n",
    after: "oops",
    expected: { status: 204, statusText: "No Content", headers: {}, body: Buffer.alloc(0), keepAlive: true },
  },
];

interface Outcome {
  response: ParsedResponse | undefined;
  /** How many bytes had been pushed when push() first returned the response; -1 when it never did. */
  completedAt: number;
  extraBytes: number;
}

function feed(pieces: Buffer[], noBody: boolean): Outcome {
  const parser = new ResponseParser(noBody);
  let pushed = 0;
  let completedAt = -1;
  let response: ParsedResponse | undefined;
  for (const piece of pieces) {
    pushed += piece.length;
    const r = parser.push(piece);
    if (r && completedAt < 0) {
      completedAt = pushed;
      response = r;
    }
    if (r) assert.equal(r, response, "push() keeps returning the same response once complete");
  }
  response ??= parser.end();
  return { response, completedAt, extraBytes: parser.extraBytes };
}

/** Whole, byte by byte, and cut at every position into two and into three pieces (empty pieces included). */
function* feedings(bytes: Buffer): Generator<{ how: string; pieces: Buffer[] }> {
  const n = bytes.length;
  yield { how: "whole", pieces: [bytes] };
  yield { how: "byte by byte", pieces: [...bytes].map((b) => Buffer.from([b])) };
  for (let i = 0; i <= n; i++) yield { how: `cut at ${i}`, pieces: [bytes.subarray(0, i), bytes.subarray(i)] };
  for (let i = 0; i <= n; i++) {
    for (let j = i; j <= n; j++) yield { how: `cut at ${i} and ${j}`, pieces: [bytes.subarray(0, i), bytes.subarray(i, j), bytes.subarray(j)] };
  }
}

describe("a response parses the same however its bytes arrive", () => {
  for (const c of corpus) {
    it(c.name, () => {
      const response = Buffer.isBuffer(c.bytes) ? c.bytes : Buffer.from(c.bytes);
      const after = Buffer.from(c.after ?? "");
      const all = Buffer.concat([response, after]);
      let count = 0;
      for (const { how, pieces } of feedings(all)) {
        count++;
        const outcome = feed(pieces, c.noBody ?? false);
        assert.deepEqual(outcome.response, c.expected, `fed ${how}`);
        // A framed body completes on its last byte (or with the piece that holds it), never before.
        const lastPiece = pieces.findIndex((_, k) => pieces.slice(0, k + 1).reduce((s, p) => s + p.length, 0) >= response.length);
        const expectedAt = c.closeDelimited ? -1 : pieces.slice(0, lastPiece + 1).reduce((s, p) => s + p.length, 0);
        assert.equal(outcome.completedAt, expectedAt, `fed ${how}: completed after ${outcome.completedAt} bytes`);
        assert.equal(outcome.extraBytes, after.length, `fed ${how}: extraBytes`);
      }
      const n = all.length + 1;
      assert.equal(count, 2 + n + (n * (n + 1)) / 2); // every cut was tried
    });
  }

  it("bytes pushed after the response are counted, in however many pushes", () => {
    const parser = new ResponseParser(false);
    const r = parser.push(Buffer.from("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokAB"));
    assert.equal(r?.body.toString(), "ok");
    assert.equal(parser.extraBytes, 2);
    assert.equal(parser.push(Buffer.from("CDE")), r);
    assert.equal(parser.push(Buffer.alloc(0)), r);
    assert.equal(parser.extraBytes, 5);
    assert.equal(parser.end(), r);
  });

  it("a complete response has no extra bytes", () => {
    const parser = new ResponseParser(false);
    assert.ok(parser.push(Buffer.from("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")));
    assert.equal(parser.extraBytes, 0);
  });
});

describe("end() on an unfinished response says it was cut", () => {
  const cut: { name: string; bytes: string }[] = [
    { name: "nothing arrived", bytes: "" },
    { name: "half a status line", bytes: "HTTP/1.1 20" },
    { name: "headers without their end", bytes: "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n" },
    { name: "only an interim answer", bytes: "HTTP/1.1 100 Continue\r\n\r\n" },
    { name: "a Content-Length body short of its length", bytes: "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabcd" },
    { name: "a Content-Length body with none of its bytes", bytes: "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n" },
    { name: "chunked: inside a chunk", bytes: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabc" },
    { name: "chunked: after a whole chunk", bytes: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabcde\r\n" },
    { name: "chunked: the last chunk without the empty line", bytes: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n" },
    { name: "chunked: inside the trailers", bytes: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Trailer: 1\r\n" },
  ];
  for (const c of cut) {
    it(c.name, () => {
      const bytes = Buffer.from(c.bytes);
      for (const { how, pieces } of feedings(bytes)) {
        const outcome = feed(pieces, false);
        assert.equal(outcome.completedAt, -1, `fed ${how}: push() completed`);
        assert.equal(outcome.response, undefined, `fed ${how}: end() returned a response`);
      }
    });
  }
});

describe("malformed answers throw HttpParseError", () => {
  const malformed: { name: string; bytes: string }[] = [
    { name: "not HTTP", bytes: "SSH-2.0-OpenSSH_9.6\r\n\r\n" },
    { name: "an HTML page", bytes: "<html><body>hi</body></html>\r\n\r\n" },
    { name: "HTTP/2 status line", bytes: "HTTP/2 200\r\n\r\n" },
    { name: "HTTP/1.2", bytes: "HTTP/1.2 200 OK\r\nContent-Length: 0\r\n\r\n" },
    { name: "a four-digit status", bytes: "HTTP/1.1 2000 OK\r\nContent-Length: 0\r\n\r\n" },
    { name: "a two-digit status", bytes: "HTTP/1.1 20 OK\r\nContent-Length: 0\r\n\r\n" },
    { name: "no status code", bytes: "HTTP/1.1 OK\r\nContent-Length: 0\r\n\r\n" },
    { name: "two spaces before the status", bytes: "HTTP/1.1  200 OK\r\nContent-Length: 0\r\n\r\n" },
    { name: "a header line without a colon", bytes: "HTTP/1.1 200 OK\r\nContent-Length 0\r\n\r\n" },
    { name: "a header line with an empty name", bytes: "HTTP/1.1 200 OK\r\n: value\r\nContent-Length: 0\r\n\r\n" },
    { name: "a space before the colon", bytes: "HTTP/1.1 200 OK\r\nContent-Length : 0\r\n\r\n" },
    { name: "a tab before the colon", bytes: "HTTP/1.1 200 OK\r\nX-A\t: 1\r\nContent-Length: 0\r\n\r\n" },
    { name: "a header line without a colon in an interim answer", bytes: "HTTP/1.1 103 Early Hints\r\nbroken\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n" },
    { name: "two different Content-Length headers", bytes: "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc" },
    { name: "two different Content-Length values in one header", bytes: "HTTP/1.1 200 OK\r\nContent-Length: 2, 3\r\n\r\nabc" },
    { name: "a non-numeric Content-Length", bytes: "HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n" },
    { name: "a negative Content-Length", bytes: "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n" },
    { name: "a Content-Length with trailing letters", bytes: "HTTP/1.1 200 OK\r\nContent-Length: 2x\r\n\r\nok" },
    { name: "an empty Content-Length", bytes: "HTTP/1.1 200 OK\r\nContent-Length:\r\n\r\n" },
    { name: "Transfer-Encoding: gzip alone", bytes: "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nabc" },
    { name: "Transfer-Encoding: chunked, gzip (chunked not last)", bytes: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n" },
    { name: "a chunk size that is not hex", bytes: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n" },
    { name: "an empty chunk-size line", bytes: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\nab\r\n0\r\n\r\n" },
    { name: "a chunk size with 0x", bytes: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0x2\r\nab\r\n0\r\n\r\n" },
    { name: "a negative chunk size", bytes: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-2\r\nab\r\n0\r\n\r\n" },
    { name: "a chunk longer than its size", bytes: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n" },
    { name: "a chunk shorter than its size", bytes: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabc\r\n0\r\n\r\n" },
  ];
  for (const c of malformed) {
    it(c.name, () => {
      for (const { how, pieces } of feedings(Buffer.from(c.bytes))) {
        assert.throws(
          () => {
            const parser = new ResponseParser(false);
            for (const piece of pieces) parser.push(piece);
            parser.end();
          },
          (e: unknown) => e instanceof HttpParseError && e.code === "ERR_HTTP_PARSE",
          `fed ${how}`,
        );
      }
    });
  }
});

describe("the size of the head is limited to 80 KiB", () => {
  const limit = 80 * 1024;
  /** A head (status line and header lines, without the empty line) of exactly `size` bytes, then a 2-byte body. */
  function answerWithHead(size: number): Buffer {
    const start = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Big: ";
    return Buffer.from(start + "a".repeat(size - start.length) + "\r\n\r\nok");
  }
  /** Whole, in pieces of several sizes, and cut in two at each position around the end of the head. */
  function* bigFeedings(bytes: Buffer): Generator<{ how: string; pieces: Buffer[] }> {
    yield { how: "whole", pieces: [bytes] };
    for (const size of [1000, 1024, 1461, 4096, 65536]) {
      const pieces: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
      yield { how: `in pieces of ${size}`, pieces };
    }
    for (let i = bytes.length - 16; i <= bytes.length; i++) yield { how: `cut at ${i}`, pieces: [bytes.subarray(0, i), bytes.subarray(i)] };
    for (let i = limit - 8; i <= limit + 8; i++) yield { how: `cut at ${i}`, pieces: [bytes.subarray(0, i), bytes.subarray(i)] };
  }

  it("a head of exactly 80 KiB is read", () => {
    const bytes = answerWithHead(limit);
    for (const { how, pieces } of bigFeedings(bytes)) {
      const outcome = feed(pieces, false);
      assert.equal(outcome.response?.body.toString(), "ok", `fed ${how}`);
      assert.equal(outcome.response?.headers["x-big"]?.length, limit - "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Big: ".length);
    }
  });

  for (const extra of [1, 3, 4, 1024]) {
    it(`a head ${extra} byte(s) over 80 KiB throws HPE_HEADER_OVERFLOW`, () => {
      const bytes = answerWithHead(limit + extra);
      for (const { how, pieces } of bigFeedings(bytes)) {
        assert.throws(
          () => {
            const parser = new ResponseParser(false);
            for (const piece of pieces) parser.push(piece);
          },
          (e: unknown) => e instanceof HttpParseError && e.code === "HPE_HEADER_OVERFLOW",
          `fed ${how}`,
        );
      }
    });
  }

  it("headers that never end throw once past the limit, without waiting for more", () => {
    const parser = new ResponseParser(false);
    parser.push(Buffer.from("HTTP/1.1 200 OK\r\n"));
    const line = Buffer.from(`X-Pad: ${"b".repeat(1014)}\r\n`); // 1 KiB per line
    let thrown: unknown;
    let pushed = 0;
    try {
      for (; pushed < 200; pushed++) parser.push(line);
    } catch (e) {
      thrown = e;
    }
    assert.ok(thrown instanceof HttpParseError && thrown.code === "HPE_HEADER_OVERFLOW", `got ${String(thrown)}`);
    assert.ok(pushed >= 79 && pushed <= 81, `threw after ${pushed} KiB`);
  });
});
