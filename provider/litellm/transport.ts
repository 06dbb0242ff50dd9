// What the API areas (management.ts, access-groups.ts, ...) need of the client: one call with its retries,
// timeouts, TLS and scrubbing, and optionally a read shared by concurrent callers.
import type { CallOptions, HttpResult } from "./http";

export interface Transport {
  send(opts: CallOptions): Promise<HttpResult>;
  /**
   * Runs `read` once for every caller that asks for the same `key` while it is in flight, unless a write through
   * this transport ended since it began (shared-reads.ts). Without it, every caller reads alone.
   */
  shared?<T>(key: string, read: () => Promise<T>): Promise<T>;
}
