// The emulator's handlers are pure functions from a parsed request to a response value.
// Writing happens in one place (server.ts), which is what lets faults replace a response after the fact.

import type { IncomingHttpHeaders } from "node:http";

/** The request body as FastAPI sees it (parsed in body.ts). */
export type RequestBody =
  | { kind: "absent" }
  | { kind: "json"; value: unknown }
  | { kind: "text"; value: string }
  | { kind: "invalid"; response: EmuResponse };

export interface EmuRequest {
  method: string;
  /** The path without the query string, percent-decoding left to the handlers. */
  path: string;
  /** Everything after "?", undecoded. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  body: RequestBody;
  /** Served over TLS. */
  secure: boolean;
}

export interface EmuResponse {
  status: number;
  /** Serialised as JSON unless `rawBody` is set. */
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export function jsonResponse(status: number, body: unknown): EmuResponse {
  return { status, body };
}

/** Thrown by helpers deep inside a handler to answer early with a finished response. */
export class Reply extends Error {
  constructor(readonly response: EmuResponse) {
    super(`reply ${response.status}`);
    this.name = "Reply";
  }
}

export function isReply(error: unknown): error is Reply {
  return error instanceof Error && error.name === "Reply" && "response" in error;
}
