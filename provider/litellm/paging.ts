// Reading a paged LiteLLM listing to its end, with a bound on the whole listing: each answer is size-bounded by
// the transport, but a server that announces ever more pages, or repeats a page, would otherwise keep the
// provider reading for ever. A listing that hits the bound fails with an error; it is never cut short silently,
// since a lookup in a truncated listing would wrongly say "not found".
import { createHash } from "node:crypto";
import { expectObject, num } from "./answers";
import { LiteLLMError } from "./errors";
import type { Transport } from "./transport";

/** Rows asked for per page; every listing endpoint the provider reads accepts up to 100 (docs/litellm-api.md). */
export const PAGE_SIZE = 100;
/**
 * The most rows one listing may hold. Large proxies hold tens of thousands of keys or users; 100,000 leaves room
 * for twice 50,000. LiteLLM fills every page but the last with the size asked for (or refuses the size with
 * 422), so that many rows come in MAX_PAGES pages of PAGE_SIZE.
 */
export const MAX_ROWS = 100_000;
export const MAX_PAGES = MAX_ROWS / PAGE_SIZE;

/** Every page of a listing: asks for PAGE_SIZE rows a page until the answer's total_pages is reached. */
export async function allPages(
  http: Transport,
  path: string,
  query: Record<string, string | number>,
  sizeParam: string,
  rowsOf: (b: Record<string, unknown>) => unknown[],
  signal?: AbortSignal,
): Promise<unknown[]> {
  const rows: unknown[] = [];
  const seen = new Set<string>();
  const fail = (why: string) => new LiteLLMError("GET", path, 200, why, false);
  for (let page = 1; ; page++) {
    const res = await http.send({ method: "GET", path, query: { ...query, page, [sizeParam]: PAGE_SIZE }, idempotent: true, signal });
    const b = expectObject(res.body, "GET", path);
    const pageRows = rowsOf(b);
    const totalPages = num(b.total_pages);
    const totalRows = num(b.total_count ?? b.total);
    // The bound: reading goes on only while page < total_pages ≤ MAX_PAGES, and rows stay ≤ MAX_ROWS.
    if ((totalPages ?? 0) > MAX_PAGES) throw fail(`page ${page} announces ${n(totalPages)} pages, more than the ${n(MAX_PAGES)} pages of ${PAGE_SIZE} rows the provider reads. ${narrowOrCheck}`);
    if ((totalRows ?? 0) > MAX_ROWS) throw fail(`page ${page} announces ${n(totalRows)} rows, more than the ${n(MAX_ROWS)} the provider reads. ${narrowOrCheck}`);
    let added = 0;
    for (const row of pageRows) {
      const id = fingerprint(row);
      if (seen.has(id)) continue; // the same row again, as when a row created meanwhile pushes the others down
      seen.add(id);
      rows.push(row);
      added++;
    }
    if (rows.length > MAX_ROWS) throw fail(`the listing holds more than ${n(MAX_ROWS)} rows, the most the provider reads. ${narrowOrCheck}`);
    if (added === 0 && pageRows.length > 0) {
      // Every row already read: complete when the answer's own count says so, else the server ignores `page`.
      if (totalRows !== null && rows.length >= totalRows) return rows;
      throw fail(`page ${page} of ${totalPages} holds only rows of earlier pages: the proxy's paging looks broken (does something at api_base ignore "page"?), so the listing cannot be read whole. Check what answers at api_base.`);
    }
    if (page >= (totalPages ?? 1) || pageRows.length === 0) return rows;
  }
}

const narrowOrCheck = "Narrow the listing with a filter; if the proxy does not hold that many rows, its paging is broken: check what answers at api_base.";

const n = (x: number | null) => (x ?? 0).toLocaleString("en-US");

/** Rows are compared whole: two answers of the same row are the same JSON text. */
function fingerprint(row: unknown): string {
  return createHash("sha256").update(JSON.stringify(row) ?? "null").digest("base64");
}
