// A small gRPC server on node:http2: unary and server-streaming calls on raw message bytes, over a
// unix socket, with mutual TLS when asked. It replaces @grpc/grpc-js on the serving side, whose
// loading cost a quarter of each start-up and whose call machinery dominated our per-RPC CPU;
// go-plugin needs nothing beyond these few paths of the gRPC-over-HTTP/2 protocol.
//
// The socket listens (and the TLS handshake is served) by node:net / node:tls; node:http2 is loaded
// just after the handshake line goes out, while Terraform connects, and takes each connection over.

import type http2 from "node:http2";
import type net from "node:net";
import type { Logger } from "../log";
import { FRAME_HEADER_BYTES, frameMessage, FrameError, MessageReader } from "./grpc-frames";
import { encodeGrpcMessage, GrpcStatus, isGrpcError } from "./grpc-status";

export type UnaryHandler = (request: Buffer) => Promise<Uint8Array>;

export interface ServerStream {
  write(message: Uint8Array): void;
  /** Ends the call with status OK. */
  end(): void;
  /** Called once when the call ends, whichever side ends it. */
  onClose(listener: () => void): void;
}

export type ServerStreamingHandler = (request: Buffer, stream: ServerStream) => void;

export interface ServerTlsFiles {
  certPem: string;
  keyPem: string;
  /** The only certificate a client may present (Terraform's, from PLUGIN_CLIENT_CERT). */
  clientCertPem: string;
}

export interface GrpcServerOptions {
  tls?: ServerTlsFiles;
  maxMessageBytes: number;
  logger: Logger;
}

export interface GrpcServer {
  /** `path` is `/package.Service/Method`; a handler may throw a GrpcError to choose the status. */
  addUnary(path: string, handler: UnaryHandler): void;
  addServerStreaming(path: string, handler: ServerStreamingHandler): void;
  listen(socketPath: string): Promise<void>;
  /** Ends open streams, lets calls in flight finish for up to graceMs, then drops every connection. */
  close(graceMs: number): Promise<void>;
}

type Route = { kind: "unary"; handler: UnaryHandler } | { kind: "stream"; handler: ServerStreamingHandler };

const RESPONSE_HEADERS = { ":status": 200, "content-type": "application/grpc", "grpc-accept-encoding": "identity" };
const OK_TRAILERS = { "grpc-status": "0" };
const NGHTTP2_INTERNAL_ERROR = 2;
const RESPOND_OPTIONS = { waitForTrailers: true, sendDate: false } as http2.ServerStreamResponseOptions;

export function createGrpcServer(opts: GrpcServerOptions): GrpcServer {
  const { logger, maxMessageBytes } = opts;
  const routes = new Map<string, Route>();
  const openStreams = new Set<ServerStream>();
  const sessions = new Set<http2.ServerHttp2Session>();
  const settings = { maxConcurrentStreams: 1000, maxHeaderListSize: 1 << 20 };
  // Large requests and answers (a big schema or state) must not trip the per-session buffering cap.
  const common = { settings, maxSessionMemory: Number.MAX_SAFE_INTEGER };
  const listener: net.Server = opts.tls
    ? (require("node:tls") as typeof import("node:tls")).createServer(
        {
          cert: opts.tls.certPem,
          key: opts.tls.keyPem,
          ca: opts.tls.clientCertPem,
          // go-plugin's RequireAndVerifyClientCert: only the host that started us may call.
          requestCert: true,
          rejectUnauthorized: true,
          minVersion: "TLSv1.2",
          ALPNProtocols: ["h2"],
        },
        (socket) => takeOver(socket),
      )
    : (require("node:net") as typeof import("node:net")).createServer((socket) => takeOver(socket));
  listener.on("tlsClientError", (e: Error) => logger.debug("Refused a TLS client", { error: e.message }));

  let sessionServer: http2.Http2Server | undefined;
  /** Hands a connected (and, with mTLS, verified) socket to HTTP/2; a client must speak h2 (ALPN). */
  function takeOver(socket: net.Socket): void {
    if ((socket as { alpnProtocol?: string | false }).alpnProtocol === false) {
      logger.debug("Refused a TLS client", { error: "no ALPN h2: not a gRPC client" });
      return void socket.destroy();
    }
    http2Server().emit("connection", socket);
  }

  /** The HTTP/2 server that takes connections over, made (and node:http2 loaded) on first need. */
  function http2Server(): http2.Http2Server {
    if (sessionServer) return sessionServer;
    const server = (require("node:http2") as typeof import("node:http2")).createServer(common);
    server.on("session", (session: http2.ServerHttp2Session) => {
      sessions.add(session);
      session.on("close", () => sessions.delete(session));
      session.on("error", (e: Error) => logger.debug("HTTP/2 session error", { error: e.message }));
    });
    server.on("stream", onStream);
    return (sessionServer = server);
  }

  function onStream(stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders): void {
    stream.on("error", (e: Error) => logger.debug("HTTP/2 stream error", { error: e.message }));
    const path = headers[":path"] ?? "";
    const route = routes.get(path);
    const contentType = headers["content-type"];
    if (typeof contentType !== "string" || !contentType.startsWith("application/grpc")) {
      if (!stream.closed) stream.respond({ ":status": 415 }, { endStream: true });
      return;
    }
    if (!route) return trailersOnly(stream, GrpcStatus.UNIMPLEMENTED, `unknown method ${path}`);
    readOneMessage(stream, maxMessageBytes, (request) => {
      if (route.kind === "unary") answerUnary(stream, route.handler, request);
      else openServerStream(stream, route.handler, request, openStreams);
    });
  }

  return {
    addUnary: (path, handler) => void routes.set(path, { kind: "unary", handler }),
    addServerStreaming: (path, handler) => void routes.set(path, { kind: "stream", handler }),
    listen: (socketPath) =>
      new Promise((resolve, reject) => {
        listener.once("error", reject);
        listener.listen(socketPath, () => {
          listener.off("error", reject);
          // HTTP/2 loads now, while the handshake line travels and Terraform connects.
          setImmediate(http2Server);
          resolve();
        });
      }),
    close: (graceMs) =>
      new Promise((resolve) => {
        for (const stream of openStreams) stream.end();
        const force = setTimeout(() => {
          for (const session of sessions) session.destroy();
        }, graceMs);
        listener.close(() => {
          clearTimeout(force);
          resolve();
        });
        // GOAWAY: calls in flight finish, new ones go elsewhere; the session ends when they are done.
        for (const session of sessions) session.close();
      }),
  };
}

/** Reads the request of a unary or server-streaming call: exactly one message, then end of stream. */
function readOneMessage(stream: http2.ServerHttp2Stream, maxMessageBytes: number, onRequest: (request: Buffer) => void): void {
  // Nearly every request is one DATA chunk holding one whole message; the reader is only made otherwise.
  let single: Buffer | undefined;
  let reader: MessageReader | undefined;
  let messages = 0;
  let failed = false;
  stream.on("data", (chunk: Buffer) => {
    if (failed) return;
    try {
      if (!reader && messages === 0 && isOneWholeMessage(chunk, maxMessageBytes)) {
        single = chunk.subarray(FRAME_HEADER_BYTES);
        messages = 1;
        return;
      }
      reader ??= new MessageReader(maxMessageBytes);
      for (const message of reader.push(chunk)) {
        single = message;
        messages++;
      }
    } catch (e) {
      failed = true;
      const status = e instanceof FrameError ? e.status : GrpcStatus.INTERNAL;
      trailersOnly(stream, status, e instanceof Error ? e.message : String(e));
    }
  });
  stream.on("end", () => {
    if (failed) return;
    if (messages !== 1 || reader?.partial) {
      return trailersOnly(stream, GrpcStatus.INTERNAL, `expected exactly one request message, got ${messages}`);
    }
    onRequest(single!);
  });
}

function isOneWholeMessage(chunk: Buffer, maxMessageBytes: number): boolean {
  if (chunk.length < FRAME_HEADER_BYTES || chunk[0] !== 0) return false;
  const length = chunk.readUInt32BE(1);
  return length <= maxMessageBytes && chunk.length === FRAME_HEADER_BYTES + length;
}

function answerUnary(stream: http2.ServerHttp2Stream, handler: UnaryHandler, request: Buffer): void {
  let pending: Promise<Uint8Array>;
  try {
    pending = handler(request);
  } catch (e) {
    pending = Promise.reject(e);
  }
  pending.then(
    (response) => {
      if (stream.closed || stream.destroyed) return; // the client gave up on the call
      stream.respond(RESPONSE_HEADERS, RESPOND_OPTIONS);
      stream.once("wantTrailers", () => stream.sendTrailers(OK_TRAILERS));
      stream.end(frameMessage(response));
    },
    (e: unknown) => {
      if (isGrpcError(e)) trailersOnly(stream, e.code, e.details);
      else trailersOnly(stream, GrpcStatus.UNKNOWN, e instanceof Error ? e.message : String(e));
    },
  );
}

function openServerStream(stream: http2.ServerHttp2Stream, handler: ServerStreamingHandler, request: Buffer, open: Set<ServerStream>): void {
  if (stream.closed || stream.destroyed) return;
  const closeListeners: (() => void)[] = [];
  const live = () => !stream.closed && !stream.destroyed;
  // Headers go out with the first message, or as a Trailers-Only OK when the call ends without one.
  const call: ServerStream = {
    write: (message) => {
      if (!live()) return;
      if (!stream.headersSent) {
        stream.respond(RESPONSE_HEADERS, RESPOND_OPTIONS);
        stream.once("wantTrailers", () => stream.sendTrailers(OK_TRAILERS));
      }
      stream.write(frameMessage(message));
    },
    end: () => {
      if (!live()) return;
      if (stream.headersSent) stream.end();
      else trailersOnly(stream, GrpcStatus.OK, "");
    },
    onClose: (listener) => void closeListeners.push(listener),
  };
  stream.on("close", () => {
    open.delete(call);
    for (const listener of closeListeners) listener();
  });
  open.add(call);
  try {
    handler(request, call);
  } catch (e) {
    open.delete(call);
    if (isGrpcError(e)) trailersOnly(stream, e.code, e.details);
    else trailersOnly(stream, GrpcStatus.UNKNOWN, e instanceof Error ? e.message : String(e));
  }
}

/** Ends a call with a status and no message (gRPC's "Trailers-Only" response). */
function trailersOnly(stream: http2.ServerHttp2Stream, code: number, message: string): void {
  if (stream.closed || stream.destroyed) return;
  if (stream.headersSent) {
    // Headers already went out (a stream): the status can only travel as trailers, and only once.
    stream.close(NGHTTP2_INTERNAL_ERROR);
    return;
  }
  const headers: http2.OutgoingHttpHeaders = { ...RESPONSE_HEADERS, "grpc-status": String(code) };
  if (message) headers["grpc-message"] = encodeGrpcMessage(message);
  stream.respond(
    headers,
    { endStream: true, sendDate: false } as http2.ServerStreamResponseOptions,
  );
}
