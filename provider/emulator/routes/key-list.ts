// GET /key/list (reference §1.1): page ≥ 1 (default 1), size 1–100 (default 10), exact filters, newest first;
// hashes only unless return_full_object=true. {keys, total_count, current_page, total_pages}.

import { fastapiDetail } from "../errors";
import { jsonResponse } from "../http-types";
import { parseQuery, queryValue } from "../query";
import { keyColumnsView } from "../rows";
import type { RouteHandler } from "./context";
import { pageOf, pagingParams } from "./paging";

const FILTERS = ["user_id", "team_id", "organization_id", "key_alias"] as const;

export const keyList: RouteHandler = (req, ctx) => {
  const query = parseQuery(req.rawQuery);
  const paging = pagingParams(query, "size", 10, 100);
  const status = queryValue(query, "status");
  if (status !== undefined && status !== "deleted") return fastapiDetail(400, { error: "Invalid status value. Currently only 'deleted' is supported." });
  let rows = status === "deleted" ? [] : [...ctx.store.keys.values()];
  for (const f of FILTERS) {
    const wanted = queryValue(query, f);
    if (wanted !== undefined && wanted !== "") rows = rows.filter((k) => k[f] === wanted);
  }
  const hash = queryValue(query, "key_hash");
  if (hash) rows = rows.filter((k) => k.token === hash);
  rows.sort((a, b) => b.created_at - a.created_at || (a.token < b.token ? 1 : a.token > b.token ? -1 : 0));
  const full = queryValue(query, "return_full_object") === "true";
  const page = pageOf(rows, paging);
  return jsonResponse(200, {
    keys: page.items.map((k) => (full ? keyColumnsView(k) : k.token)),
    total_count: rows.length,
    current_page: paging.page,
    total_pages: page.totalPages,
  });
};
