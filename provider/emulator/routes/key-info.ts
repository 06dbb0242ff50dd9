// GET /key/info?key= (reference §9): the raw key or its hash; the row comes back without its token.

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
  return jsonResponse(200, { key: sent, info });
};
