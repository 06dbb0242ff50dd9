// POST /key/delete (reference §9): by keys (raw or hash) or by key_aliases; 404 when nothing matched.

import { wrappedHttpException } from "../errors";
import { jsonResponse } from "../http-types";
import { tokenOf } from "../keys";
import { validateBody } from "../validation/model";
import { deleteKeyRequest, requireKeysOrAliases } from "../validation/requests";
import type { RouteHandler } from "./context";

export const keyDelete: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, deleteKeyRequest, requireKeysOrAliases);
  const keys = (body.keys as string[] | null | undefined) ?? [];
  const aliases = (body.key_aliases as string[] | null | undefined) ?? [];
  const tokens = new Set(keys.map(tokenOf));
  for (const alias of aliases) {
    for (const row of ctx.store.keys.values()) if (row.key_alias === alias) tokens.add(row.token);
  }
  let deleted = 0;
  for (const token of tokens) if (ctx.store.deleteKey(token)) deleted++;
  if (deleted === 0) return wrappedHttpException(404, { error: "No keys found" });
  return jsonResponse(200, { deleted_keys: keys.length > 0 ? keys : aliases });
};
