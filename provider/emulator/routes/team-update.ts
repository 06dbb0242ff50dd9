// POST /team/update: a partial update of the fields present in the body (exclude_unset), so an explicit null
// clears a nullable column. Not wrapped: errors are FastAPI's {"detail": ...}.

import { fastapiDetail } from "../errors";
import { jsonResponse, Reply } from "../http-types";
import { teamRowView, type TeamRow } from "../team-rows";
import { DurationError, nextBudgetReset } from "../time";
import { validateBody } from "../validation/model";
import { updateTeamRequest } from "../validation/team-requests";
import type { RouteHandler } from "./context";
import { internalServerError } from "./plain-errors";
import { checkBudgetDuration } from "./budget-duration-check";
import { applyTeamSettings } from "./team-settings";

/** Columns /team/update writes as given. */
const WRITABLE = [
  "team_alias", "organization_id", "metadata", "tpm_limit", "rpm_limit", "max_budget", "soft_budget", "models", "blocked", "budget_duration",
  "team_member_permissions", "router_settings",
] as const;
/** Columns Prisma cannot set to null: an explicit null fails the write. */
const NOT_NULL = new Set(["metadata", "models", "blocked", "team_member_permissions"]);

export const teamUpdate: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, updateTeamRequest);
  checkBudgetDuration(body, ctx, (detail) => fastapiDetail(400, detail));
  const teamId = body.team_id as string;
  const team = ctx.store.getTeam(teamId);
  if (!team) return fastapiDetail(404, { error: `Team not found, passed team_id=${teamId}` });
  const now = ctx.now();
  const changes: Partial<TeamRow> = {};
  for (const field of WRITABLE) {
    if (!(field in body)) continue;
    const value = body[field];
    if (value === null && NOT_NULL.has(field)) throw new Reply(internalServerError());
    (changes as Record<string, unknown>)[field] = value;
  }
  if (typeof changes.budget_duration === "string") {
    try {
      changes.budget_reset_at = nextBudgetReset(changes.budget_duration, now);
    } catch (e) {
      // get_budget_reset_time's ValueError is not caught by this endpoint.
      if (e instanceof DurationError) throw new Reply(internalServerError());
      throw e;
    }
  }
  const row: TeamRow = applyTeamSettings(ctx, { ...team, ...changes, updated_at: now }, { ...body, metadata: changes.metadata }, (m) => fastapiDetail(403, { error: m }));
  if (changes.metadata !== undefined && typeof team.metadata.team_member_budget_id === "string" && row.metadata.team_member_budget_id === undefined) {
    row.metadata.team_member_budget_id = team.metadata.team_member_budget_id;
  }
  ctx.store.teams.set(teamId, row);
  return jsonResponse(200, { team_id: teamId, data: teamRowView(row) });
};
