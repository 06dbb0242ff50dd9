// PATCH /model/{model_id}/update (reference §2.3 "PATCH merging"): litellm_params and model_info merged key by
// key, nulls skipped except for the few keys an explicit null clears; model_name replaced when sent.
// POST /model/delete {id}, which also takes a team model's public name out of its team's models.

import { proxyError } from "../errors";
import { jsonResponse } from "../http-types";
import { validateBody } from "../validation/model";
import { deleteModelRequest, patchModelRequest } from "../validation/model-requests";
import type { RouteHandler } from "./context";
import { authError } from "./model-errors";
import { dbRowView } from "./model-new";

/** litellm_params keys an explicit null removes (the pricing keys are left out here). */
const CLEARABLE = new Set(["litellm_credential_name", "cache_control_injection_points"]);

function merged(stored: Record<string, unknown>, patch: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const out = { ...stored };
  for (const [k, v] of Object.entries(patch ?? {})) {
    if (v !== null) out[k] = v;
    else if (CLEARABLE.has(k)) delete out[k];
  }
  return out;
}

export const modelPatch: RouteHandler = (req, ctx) => {
  const id = req.pathParams?.[0] ?? "";
  const row = ctx.store.models.get(id);
  if (!row) return proxyError(404, `Model ${id} not found on proxy.`, "not_found_error");
  const body = validateBody(req.body, patchModelRequest);
  const params = body.litellm_params as Record<string, unknown> | null | undefined;
  const credential = params?.litellm_credential_name;
  if (credential === "") return authError(400, "litellm_credential_name must not be empty.");
  if (typeof credential === "string" && !ctx.store.credentials.has(credential)) {
    return authError(400, `Credential '${credential}' not found. Create it via /credentials before attaching it to a model.`);
  }
  const next = {
    ...row,
    model_name: typeof body.model_name === "string" ? body.model_name : row.model_name,
    litellm_params: merged(row.litellm_params, params),
    model_info: { ...merged(row.model_info, body.model_info as Record<string, unknown> | null | undefined), id },
    updated_at: ctx.now(),
    updated_by: ctx.caller.userId,
  };
  ctx.store.models.set(id, next);
  return jsonResponse(200, dbRowView(next));
};

export const modelDelete: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, deleteModelRequest);
  const id = body.id as string;
  const row = ctx.store.models.get(id);
  if (!row || !ctx.store.models.delete(id)) return authError(400, `{'error': 'Model with id=${id} not found in db'}`);
  // A team model's public name leaves its team's models (delete_model, keyed by team_public_model_name).
  const team = typeof row.model_info.team_id === "string" ? ctx.store.teams.get(row.model_info.team_id) : undefined;
  if (team) team.models = team.models.filter((m) => m !== row.model_info.team_public_model_name);
  return jsonResponse(200, { message: `Model: ${id} deleted successfully` });
};
