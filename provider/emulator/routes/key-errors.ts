// Error bodies shared by the /key/* routes (reference §9).

import { proxyError } from "../errors";
import type { EmuResponse } from "../http-types";

export function keyNotFound(): EmuResponse {
  return proxyError(404, "Key not found in database", "not_found_error", "key");
}

export function duplicateAlias(alias: string): EmuResponse {
  return proxyError(400, `Key with alias '${alias}' already exists. Unique key aliases across all keys are required.`, "bad_request_error", "key_alias");
}

export function negativeBudget(value: number): EmuResponse {
  return proxyError(400, `max_budget cannot be negative. Received: ${value}`, "bad_request_error", "max_budget");
}
