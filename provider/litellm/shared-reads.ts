// Single flight for costly reads: callers that ask for the same read while it is in flight share its answer.
// Terraform refreshes resources concurrently, so N resources that each need the same listing get one request
// instead of N. Nothing is kept once the read has settled, and a write that ends while a read is in flight
// makes later callers start a read of their own: a caller never gets an answer older than its own last write.
// The shared read runs with the first caller's signal, which is the provider's stop signal for every caller.
export class SharedReads {
  /** Counts the writes that have ended; a read begun under an older count is not joined. */
  private writes = 0;
  private readonly inFlight = new Map<string, { writes: number; answer: Promise<unknown> }>();

  run<T>(key: string, read: () => Promise<T>): Promise<T> {
    const current = this.inFlight.get(key);
    if (current && current.writes === this.writes) return current.answer as Promise<T>;
    const entry = { writes: this.writes, answer: read() };
    this.inFlight.set(key, entry);
    const settled = () => {
      if (this.inFlight.get(key) === entry) this.inFlight.delete(key);
    };
    entry.answer.then(settled, settled);
    return entry.answer;
  }

  /** A write (any call that is not a GET) has ended, successfully or not. */
  wrote(): void {
    this.writes++;
  }
}
