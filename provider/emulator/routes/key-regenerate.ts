// POST /key/regenerate {key, new_key?}: a new secret for the same key (reference §1.4). The row moves to the
// new hash; other body fields apply as in an update. Needs an enterprise licence (500 without one).

import { wrappedHttpException } from "../errors";
import { jsonResponse, Reply } from "../http-types";
import { hashKey, keyNameOf, mintKeyValue, tokenOf } from "../keys";
import { isoOrNull } from "../time";
import { validateBody } from "../validation/model";
import { regenerateKeyRequest } from "../validation/requests";
import type { RouteHandler } from "./context";
import { keyFieldsFrom } from "./key-fields";
import { regenerateNeedsLicence } from "./licence";

export const keyRegenerate: RouteHandler = (req, ctx) => {
  if (!ctx.enterprise) return regenerateNeedsLicence();
  const body = validateBody(req.body, regenerateKeyRequest(ctx.legacy));
  const sent = typeof body.key === "string" ? body.key : "";
  if (!sent) return wrappedHttpException(400, "No key passed in.");
  const existing = ctx.store.getKey(tokenOf(sent));
  if (!existing) return wrappedHttpException(404, { error: `Key ${sent} not found.` });
  const newKey = typeof body.new_key === "string" ? body.new_key : mintKeyValue();
  if (!newKey.startsWith("sk-")) throw new Reply(wrappedHttpException(400, "New key must start with 'sk-'. This is to distinguish a key hash (used from the DB) from the actual key."));
  const now = ctx.now();
  const { key: _k, new_key: _n, ...rest } = body;
  const fields = keyFieldsFrom(rest, now, ctx.enterprise, existing);
  const row = {
    ...existing,
    ...fields,
    token: hashKey(newKey),
    key_name: keyNameOf(newKey),
    rotation_count: existing.rotation_count + 1,
    last_rotation_at: now,
    updated_at: now,
    updated_by: ctx.caller.userId,
  };
  ctx.store.deleteKey(existing.token);
  ctx.store.putKey(row);
  return jsonResponse(200, {
    ...fields,
    key: newKey,
    key_name: row.key_name,
    token_id: row.token,
    token: null,
    key_alias: row.key_alias,
    expires: isoOrNull(row.expires),
  });
};
