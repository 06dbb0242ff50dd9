// The HTTP side: reads requests, applies fault rules around dispatch, writes responses and records them.
// Timers and held sockets are tracked so close() never waits on an injected hang or delay.

import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { parseRequestBody } from "./body";
import { handleControl, type ControlDeps } from "./control";
import { dispatch, type DispatchDeps } from "./dispatch";
import type { ActiveFault, FaultAction } from "./faults";
import type { EmuRequest, EmuResponse } from "./http-types";
import type { RequestLog, RequestOutcome } from "./request-log";

export interface ServerDeps extends DispatchDeps, ControlDeps {
  requests: RequestLog;
  onRequest?(method: string, path: string, status: number | null, ms: number): void;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;

export class RequestPipeline {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly heldSockets = new Set<Socket>();
  private closed = false;

  constructor(private readonly deps: ServerDeps) {}

  readonly listener = (req: IncomingMessage, res: ServerResponse): void => {
    this.handle(req, res).catch((error) => {
      this.deps.onHandlerError(error);
      if (!res.headersSent) writeResponse(res, { status: 500, body: { detail: "Internal Server Error" } });
    });
  };

  /** Cancels pending delays and drops held connections. */
  shutdown(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const socket of this.heldSockets) socket.destroy();
    this.heldSockets.clear();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const bytes = await readBody(req);
    if (bytes === undefined) {
      writeResponse(res, { status: 413, body: { detail: "Request Entity Too Large" } });
      return;
    }
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const request: EmuRequest = {
      method: (req.method ?? "GET").toUpperCase(),
      path: q < 0 ? url : url.slice(0, q),
      rawQuery: q < 0 ? "" : url.slice(q + 1),
      headers: req.headers,
      body: parseRequestBody(bytes, req.headers["content-type"]),
      secure: "encrypted" in req.socket,
    };
    if (request.path.startsWith("/_emulator/")) {
      writeResponse(res, handleControl(request, this.deps));
      return;
    }

    const fault = this.deps.faults.pick(request.method, request.path);
    const record = (outcome: RequestOutcome, status: number | null) => {
      const ms = Date.now() - started;
      this.deps.requests.record({
        method: request.method, path: request.path, status, outcome, faultId: fault?.id ?? null,
        timestamp: new Date(started).toISOString(), durationMs: ms,
      });
      this.deps.onRequest?.(request.method, request.path, status, ms);
    };

    if (fault?.when === "before") {
      const done = await this.applyFault(fault, res, undefined);
      if (done) return record(done.outcome, done.status);
    }
    const response = dispatch(request, this.deps);
    if (fault?.when === "after") {
      const done = await this.applyFault(fault, res, response);
      if (done) return record(done.outcome, done.status);
    }
    const headers = fault?.action.headers;
    writeResponse(res, headers ? { ...response, headers: { ...response.headers, ...headers } } : response);
    record("response", response.status);
  }

  /** Returns what was done when the fault answered (or refused to); undefined to carry on normally. */
  private async applyFault(fault: ActiveFault, res: ServerResponse, original: EmuResponse | undefined): Promise<{ outcome: RequestOutcome; status: number | null } | undefined> {
    const action: FaultAction = fault.action;
    if (action.latencyMs) await this.sleep(action.latencyMs);
    if (this.closed) return { outcome: "reset", status: null };
    const socket = res.socket;
    if (action.reset) {
      socket?.destroy();
      return { outcome: "reset", status: null };
    }
    if (action.hangMs !== undefined) {
      if (socket) this.hold(socket, action.hangMs);
      return { outcome: "hang", status: null };
    }
    if (action.malformedJson) {
      const status = action.status ?? original?.status ?? 200;
      writeResponse(res, { status, rawBody: '{"error": {"message": "truncat', headers: { "content-type": "application/json", ...action.headers } });
      return { outcome: "malformed-json", status };
    }
    if (action.status !== undefined) {
      const body = action.body !== undefined ? action.body : defaultFaultBody(action.status);
      writeResponse(res, { status: action.status, body, headers: action.headers });
      return { outcome: "response", status: action.status };
    }
    return undefined;
  }

  private hold(socket: Socket, ms: number): void {
    this.heldSockets.add(socket);
    socket.once("close", () => this.heldSockets.delete(socket));
    if (ms > 0) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        socket.destroy();
      }, ms);
      this.timers.add(timer);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}

/** An injected error looks like any other LiteLLM ProxyException. */
function defaultFaultBody(status: number): unknown {
  return { error: { message: `Injected fault (HTTP ${status})`, type: "internal_server_error", param: "None", code: String(status) } };
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function writeResponse(res: ServerResponse, response: EmuResponse): void {
  if (res.destroyed || res.headersSent) return;
  const text = response.rawBody ?? JSON.stringify(response.body ?? null);
  const headers: Record<string, string | number> = { "content-type": "application/json" };
  for (const [name, value] of Object.entries(response.headers ?? {})) headers[name.toLowerCase()] = value;
  headers["content-length"] = Buffer.byteLength(text);
  res.writeHead(response.status, headers);
  res.end(text);
}
