// What the emulator was asked, for tests that must prove a request was (or was not) made.
// Entries hold the method, the path without its query (a query may carry a key) and the outcome;
// never headers or bodies. /_emulator/ requests are not recorded.

export type RequestOutcome = "response" | "reset" | "hang" | "malformed-json";

export interface RequestLogEntry {
  seq: number;
  method: string;
  path: string;
  /** null when no status line was sent (reset, hang). */
  status: number | null;
  outcome: RequestOutcome;
  /** The id of the fault rule that changed this request, if any. */
  faultId: number | null;
  timestamp: string;
  durationMs: number;
}

/** Old entries are dropped past this many; counts keep growing. */
const MAX_ENTRIES = 100_000;

export class RequestLog {
  private log: RequestLogEntry[] = [];
  private perEndpoint = new Map<string, number>();
  private sequence = 0;

  record(entry: Omit<RequestLogEntry, "seq">): void {
    this.log.push({ seq: ++this.sequence, ...entry });
    if (this.log.length > MAX_ENTRIES) this.log.splice(0, this.log.length - MAX_ENTRIES);
    const endpoint = `${entry.method} ${entry.path}`;
    this.perEndpoint.set(endpoint, (this.perEndpoint.get(endpoint) ?? 0) + 1);
  }

  entries(): RequestLogEntry[] {
    return [...this.log];
  }

  /** Requests per "METHOD /path". */
  counts(): Record<string, number> {
    return Object.fromEntries(this.perEndpoint);
  }

  total(): number {
    return [...this.perEndpoint.values()].reduce((a, b) => a + b, 0);
  }

  clear(): void {
    this.log = [];
    this.perEndpoint.clear();
  }
}
