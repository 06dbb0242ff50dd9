// The small gRPC server over raw HTTP/2: framing, statuses and streams, as a gRPC client sees them.
import assert from "node:assert/strict";
import fs from "node:fs";
import http2 from "node:http2";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { createLogger } from "../log";
import { frameMessage, MessageReader } from "./grpc-frames";
import { createGrpcServer, type GrpcServer } from "./grpc-server";
import { encodeGrpcMessage, GrpcStatus } from "./grpc-status";

interface Answer {
  status: number | undefined;
  message: string | undefined;
  httpStatus: number | undefined;
  body: Buffer;
}

/** One call with hand-made DATA chunks, so framing edge cases can be sent. */
function call(session: http2.ClientHttp2Session, pathName: string, chunks: Buffer[], contentType = "application/grpc"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = session.request({ ":method": "POST", ":path": pathName, "content-type": contentType, te: "trailers" });
    const body: Buffer[] = [];
    let headers: http2.IncomingHttpHeaders = {};
    let trailers: http2.IncomingHttpHeaders = {};
    req.on("response", (h) => (headers = h));
    req.on("trailers", (t) => (trailers = t));
    req.on("data", (d: Buffer) => body.push(d));
    req.on("error", reject);
    req.on("close", () => {
      const status = trailers["grpc-status"] ?? headers["grpc-status"];
      const message = trailers["grpc-message"] ?? headers["grpc-message"];
      resolve({ status: status === undefined ? undefined : Number(status), message: message as string | undefined, httpStatus: headers[":status"] as number | undefined, body: Buffer.concat(body) });
    });
    for (const c of chunks) req.write(c);
    req.end();
  });
}

function messagesOf(body: Buffer): string[] {
  return new MessageReader(1 << 20).push(body).map((m) => m.toString());
}

describe("gRPC server", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "grpc-server-test-"));
  const socket = path.join(dir, "s.sock");
  let server: GrpcServer;
  let session: http2.ClientHttp2Session;
  const closedStreams: string[] = [];

  before(async () => {
    server = createGrpcServer({ maxMessageBytes: 1024, logger: createLogger("test", undefined) });
    server.addUnary("/t.S/Echo", async (req) => Buffer.concat([Buffer.from("echo:"), req]));
    server.addUnary("/t.S/Fail", async () => {
      throw { code: GrpcStatus.NOT_FOUND, details: "no such thing: 100% ✓" };
    });
    server.addUnary("/t.S/Crash", async () => {
      throw new Error("boom");
    });
    server.addServerStreaming("/t.S/Watch", (req, stream) => {
      stream.write(Buffer.from(`first:${req}`));
      stream.onClose(() => closedStreams.push("watch"));
    });
    server.addServerStreaming("/t.S/Quiet", (_req, stream) => stream.onClose(() => closedStreams.push("quiet")));
    await server.listen(socket);
    session = http2.connect("http://localhost", { createConnection: () => net.connect(socket) });
  });

  after(async () => {
    session.close();
    await server.close(100);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers a unary call with one message and status OK", async () => {
    const a = await call(session, "/t.S/Echo", [frameMessage(Buffer.from("hi"))]);
    assert.equal(a.status, GrpcStatus.OK);
    assert.deepStrictEqual(messagesOf(a.body), ["echo:hi"]);
  });

  it("reassembles a message split over chunks, and an empty message", async () => {
    const framed = frameMessage(Buffer.from("split across"));
    const a = await call(session, "/t.S/Echo", [framed.subarray(0, 3), framed.subarray(3, 9), framed.subarray(9)]);
    assert.deepStrictEqual(messagesOf(a.body), ["echo:split across"]);
    assert.deepStrictEqual(messagesOf((await call(session, "/t.S/Echo", [frameMessage(Buffer.alloc(0))])).body), ["echo:"]);
  });

  it("maps thrown gRPC errors to their status, other throws to UNKNOWN, with a percent-encoded message", async () => {
    const fail = await call(session, "/t.S/Fail", [frameMessage(Buffer.alloc(0))]);
    assert.equal(fail.status, GrpcStatus.NOT_FOUND);
    assert.equal(fail.message, encodeGrpcMessage("no such thing: 100% ✓"));
    assert.equal(decodeURIComponent(fail.message!), "no such thing: 100% ✓");
    assert.equal((await call(session, "/t.S/Crash", [frameMessage(Buffer.alloc(0))])).status, GrpcStatus.UNKNOWN);
  });

  it("refuses unknown methods, compression, oversized and missing or extra messages, and non-gRPC requests", async () => {
    assert.equal((await call(session, "/t.S/Nope", [frameMessage(Buffer.alloc(0))])).status, GrpcStatus.UNIMPLEMENTED);
    const compressed = frameMessage(Buffer.from("x"));
    compressed[0] = 1;
    assert.equal((await call(session, "/t.S/Echo", [compressed])).status, GrpcStatus.UNIMPLEMENTED);
    assert.equal((await call(session, "/t.S/Echo", [frameMessage(Buffer.alloc(2000))])).status, GrpcStatus.RESOURCE_EXHAUSTED);
    assert.equal((await call(session, "/t.S/Echo", [])).status, GrpcStatus.INTERNAL);
    assert.equal((await call(session, "/t.S/Echo", [frameMessage(Buffer.from("a")), frameMessage(Buffer.from("b"))])).status, GrpcStatus.INTERNAL);
    assert.equal((await call(session, "/t.S/Echo", [frameMessage(Buffer.from("abc")).subarray(0, 6)])).status, GrpcStatus.INTERNAL);
    assert.equal((await call(session, "/t.S/Echo", [frameMessage(Buffer.alloc(0))], "application/json")).httpStatus, 415);
  });

  it("keeps server streams open until closed, then ends them with OK (trailers-only when nothing was sent)", async () => {
    const watch = call(session, "/t.S/Watch", [frameMessage(Buffer.from("w"))]);
    const quiet = call(session, "/t.S/Quiet", [frameMessage(Buffer.alloc(0))]);
    await call(session, "/t.S/Echo", [frameMessage(Buffer.alloc(0))]); // both streams are open by now
    assert.deepStrictEqual(closedStreams, []);
    const stopping = server.close(500);
    const [w, q] = await Promise.all([watch, quiet]);
    await stopping;
    assert.equal(w.status, GrpcStatus.OK);
    assert.deepStrictEqual(messagesOf(w.body), ["first:w"]);
    assert.equal(q.status, GrpcStatus.OK);
    assert.deepStrictEqual(q.body.length, 0);
    assert.deepStrictEqual(closedStreams.sort(), ["quiet", "watch"]);
  });
});
