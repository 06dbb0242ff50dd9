// POST /key/update (minimal): set the given fields on an existing key; alias uniqueness as on generate.
// The answer echoes the key as sent plus the fields that changed, like LiteLLM's update_key_fn.

import { jsonResponse, Reply } from "../http-types";
import { tokenOf } from "../keys";
import { isoOrNull } from "../time";
import { validateBody } from "../validation/model";
import { updateKeyRequest } from "../validation/requests";
import type { RouteHandler } from "./context";
import { duplicateAlias, keyNotFound } from "./key-errors";
import { checkWildcardAccessGroups } from "./key-access-groups";
import { checkKeyModelMaxBudget } from "./key-budget";
import { keyFieldsFrom } from "./key-fields";

export const keyUpdate: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, updateKeyRequest(ctx.legacy));
  const sent = body.key as string;
  const existing = ctx.store.getKey(tokenOf(sent));
  if (!existing) throw new Reply(keyNotFound());
  checkWildcardAccessGroups(body, ctx);
  checkKeyModelMaxBudget(body, ctx, true);
  const now = ctx.now();
  const fields = keyFieldsFrom(body, now, ctx.enterprise, existing);
  const alias = fields.key_alias;
  if (typeof alias === "string" && alias !== existing.key_alias && ctx.store.findKeyByAlias(alias)) throw new Reply(duplicateAlias(alias));
  ctx.store.putKey({ ...existing, ...fields, updated_at: now, updated_by: ctx.caller.userId });
  const changed: Record<string, unknown> = { ...fields };
  if ("expires" in fields) changed.expires = isoOrNull(fields.expires ?? null);
  if ("budget_reset_at" in fields) changed.budget_reset_at = isoOrNull(fields.budget_reset_at ?? null);
  return jsonResponse(200, { key: sent, ...changed });
};
