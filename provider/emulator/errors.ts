// The three error shapes LiteLLM answers with (reference §8):
//  - ProxyException: {"error":{"message","type","param","code":"<status as string>"}}
//  - handle_exception_on_proxy: an HTTPException becomes a ProxyException of type internal_server_error
//    whose message is str(detail), so dict details arrive as a Python repr
//  - FastAPI's own {"detail": ...} for handlers that are not wrapped, and for 422 validation errors

import { jsonResponse, type EmuResponse } from "./http-types";
import { pythonRepr } from "./python-repr";

export function proxyError(status: number, message: string, type = "internal_server_error", param: string | null = "None"): EmuResponse {
  return jsonResponse(status, { error: { message, type, param, code: String(status) } });
}

/** An HTTPException(status, detail) that went through handle_exception_on_proxy. */
export function wrappedHttpException(status: number, detail: unknown): EmuResponse {
  return proxyError(status, typeof detail === "string" ? detail : pythonRepr(detail));
}

/** Any other exception inside a wrapped handler: 500 with str(e). */
export function wrappedServerError(message: string): EmuResponse {
  return proxyError(500, message);
}

/** FastAPI's default rendering of an HTTPException raised by an unwrapped handler. */
export function fastapiDetail(status: number, detail: unknown): EmuResponse {
  return jsonResponse(status, { detail });
}

export interface ValidationIssue {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

/** FastAPI's RequestValidationError body: no "url" key, as LiteLLM installs no custom handler. */
export function validationError(issues: ValidationIssue[]): EmuResponse {
  return jsonResponse(422, { detail: issues });
}
