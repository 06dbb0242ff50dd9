// What the API areas (management.ts, access-groups.ts, ...) need of the client: one call with its retries,
// timeouts, TLS and scrubbing.
import type { CallOptions, HttpResult } from "./http";

export interface Transport {
  send(opts: CallOptions): Promise<HttpResult>;
}
