// GET /key/info?key= (reference §9): the raw key or its hash; the row comes back without its token.

import { budgetRowView } from "../governance-rows";
import { jsonResponse } from "../http-types";
import { tokenOf } from "../keys";
import { parseQuery, queryValue } from "../query";
import { keyColumnsView } from "../rows";
import type { RouteHandler } from "./context";
import { keyNotFound } from "./key-errors";

export const keyInfo: RouteHandler = (req, ctx) => {
  const sent = queryValue(parseQuery(req.rawQuery), "key");
  const row = sent ? ctx.store.getKey(tokenOf(sent)) : undefined;
  if (!row) return keyNotFound();
  const { token: _token, ...info } = keyColumnsView(row);
  // info_key_fn reads the row with include={"litellm_budget_table": True}.
  const budget = row.budget_id === null ? undefined : ctx.store.budgets.get(row.budget_id);
  return jsonResponse(200, { key: sent, info: { ...info, litellm_budget_table: budget ? budgetRowView(budget) : null } });
};
