// Model routes convert exceptions to ProxyExceptions of type auth_error (reference §0 "Other converters").

import { proxyError } from "../errors";
import type { EmuResponse } from "../http-types";

export function authError(status: number, message: string): EmuResponse {
  return proxyError(status, message, "auth_error");
}
