// An exception no handler catches: Starlette's plain-text 500.

import type { EmuResponse } from "../http-types";

export function internalServerError(): EmuResponse {
  return { status: 500, rawBody: "Internal Server Error", headers: { "content-type": "text/plain; charset=utf-8" } };
}
