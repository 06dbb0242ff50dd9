// POST /model/new (reference §2.1–2.4): model_name and litellm_params.model required; model_info.id may be
// chosen by the caller (else a uuid4). A duplicate id fails the DB insert, answered 500 like any insert error.
// The answer is the DB row, whose string params LiteLLM has encrypted. A team model (model_info.team_id, licence
// needed) is stored as model_name_<team_id>_<uuid>, its public name kept in model_info.team_public_model_name and
// added to the team's models (_add_team_model_to_db through team_model_add).

import { randomUUID, createHash } from "node:crypto";
import { wrappedHttpException } from "../errors";
import { jsonResponse } from "../http-types";
import type { ModelRow } from "../model-rows";
import { isoOrNull } from "../time";
import { validateBody } from "../validation/model";
import { newModelRequest } from "../validation/model-requests";
import type { RouteHandler } from "./context";
import { authError } from "./model-errors";
import { NOT_PREMIUM } from "./team-member-errors";

export const modelNew: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, newModelRequest);
  const params = body.litellm_params as Record<string, unknown>;
  if (typeof params.model !== "string") return authError(400, "litellm_params.model is required");
  const info = (body.model_info as Record<string, unknown> | null | undefined) ?? {};
  const teamId = typeof info.team_id === "string" ? info.team_id : null;
  if (teamId !== null && !ctx.enterprise) return wrappedHttpException(403, { error: NOT_PREMIUM });
  const team = teamId === null ? undefined : ctx.store.teams.get(teamId);
  if (teamId !== null && !team) return authError(400, `{'error': 'Team id=${teamId} does not exist in db'}`);
  const id = typeof info.id === "string" && info.id ? info.id : randomUUID();
  if (ctx.store.models.has(id)) return authError(500, "{'error': 'Failed to add model to db. Check your server logs for more details.'}");
  const now = ctx.now();
  const row: ModelRow = {
    model_id: id,
    model_name: team ? `model_name_${team.team_id}_${randomUUID()}` : (body.model_name as string),
    litellm_params: { ...params },
    model_info: team ? { ...info, id, team_public_model_name: body.model_name } : { ...info, id },
    created_at: now,
    created_by: ctx.caller.userId,
    updated_at: now,
    updated_by: ctx.caller.userId,
  };
  ctx.store.models.set(id, row);
  if (team) team.models = withTeamModel(team.models, body.model_name as string);
  return jsonResponse(200, dbRowView(row));
};

/** The DB row as write endpoints answer it: every string param encrypted (here: an opaque digest). */
export function dbRowView(row: ModelRow): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row.litellm_params)) params[k] = typeof v === "string" ? `v2:gcm:${createHash("sha256").update(v).digest("base64url")}` : v;
  return {
    model_id: row.model_id,
    model_name: row.model_name,
    litellm_params: params,
    model_info: row.model_info,
    blocked: false,
    created_at: isoOrNull(row.created_at),
    created_by: row.created_by,
    updated_at: isoOrNull(row.updated_at),
    updated_by: row.updated_by,
  };
}

/**
 * team_model_add's add_new_models_to_team: an empty list (every model) first becomes ["all-proxy-models"], so the
 * team keeps every model beside its own; the result is list(set(...)), whose order Python does not keep (sorted here).
 */
export function withTeamModel(models: string[], name: string): string[] {
  const current = models.length === 0 ? [ALL_PROXY_MODELS] : models;
  return [...new Set([...current, name])].sort();
}

const ALL_PROXY_MODELS = "all-proxy-models";
