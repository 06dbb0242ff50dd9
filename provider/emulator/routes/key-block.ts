// POST /key/block and /key/unblock {key}: set blocked and answer the updated row, hash included (reference §1.1).
// An unknown key gives 404 "Key <key> not found" (LiteLLM does so when store_audit_logs is on; choice).

import { wrappedHttpException } from "../errors";
import { jsonResponse } from "../http-types";
import { tokenOf } from "../keys";
import { keyColumnsView } from "../rows";
import { validateBody } from "../validation/model";
import { blockKeyRequest } from "../validation/requests";
import type { RouteHandler } from "./context";

function setBlocked(blocked: boolean): RouteHandler {
  return (req, ctx) => {
    const body = validateBody(req.body, blockKeyRequest);
    const sent = body.key as string;
    const row = ctx.store.getKey(tokenOf(sent));
    if (!row) return wrappedHttpException(404, `Key ${sent} not found`);
    const next = { ...row, blocked, updated_at: ctx.now(), updated_by: ctx.caller.userId };
    ctx.store.putKey(next);
    return jsonResponse(200, keyColumnsView(next));
  };
}

export const keyBlock = setBlocked(true);
export const keyUnblock = setBlocked(false);
