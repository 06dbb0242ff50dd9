// POST /team/new: a team, with the caller added as its admin (the master key's user is default_user_id).
// Wrapped by handle_exception_on_proxy, so errors carry type internal_server_error and dict details as repr.

import { wrappedHttpException, wrappedServerError } from "../errors";
import { jsonResponse, Reply } from "../http-types";
import { blankTeam, teamRowView, type TeamMember, type TeamRow } from "../team-rows";
import { DurationError, nextBudgetReset } from "../time";
import { validateBody, type ModelValues } from "../validation/model";
import { newTeamRequest } from "../validation/team-requests";
import type { RouteHandler } from "./context";
import { addMember, MemberAddError } from "./team-membership";
import { checkBudgetDuration } from "./budget-duration-check";
import { teamMemberBudgetId, withDefaultTeamBudget } from "./team-new-defaults";
import { applyTeamSettings } from "./team-settings";

export const teamNew: RouteHandler = (req, ctx) => {
  const request = validateBody(req.body, newTeamRequest(ctx.legacy));
  checkBudgetDuration(request, ctx, (detail) => wrappedHttpException(400, detail));
  const body = withDefaultTeamBudget(request, ctx);
  const given = (body.team_id as string | null | undefined) ?? null;
  if (given !== null && ctx.store.getTeam(given)) {
    throw new Reply(wrappedHttpException(400, { error: `Team id = ${given} already exists. Please use a different team id.` }));
  }
  const teamId = given ?? ctx.newUserId();
  const members = [...((body.members_with_roles as TeamMember[] | undefined) ?? [])];
  if (!members.some((m) => m.user_id === ctx.caller.userId)) members.push({ user_id: ctx.caller.userId, user_email: null, role: "admin" });

  const now = ctx.now();
  const built = buildTeam(body, teamId, now);
  for (const field of ["tags", "guardrails"] as const) {
    if (Array.isArray(body[field])) built.metadata = { ...built.metadata, [field]: body[field] };
  }
  const memberBudget = teamMemberBudgetId(ctx, body, now);
  if (memberBudget !== null) built.metadata = { ...built.metadata, team_member_budget_id: memberBudget };
  // The rest of the member budget (duration, limits), model aliases and the metadata-held settings.
  const row = applyTeamSettings(ctx, built, body, (m) => wrappedHttpException(403, { error: m }));
  // The row is written without members; they are added one by one after, and the answer is the first write.
  ctx.store.teams.set(teamId, row);
  const created = teamRowView(row);
  let team: TeamRow = row;
  for (const member of members) {
    try {
      const added = addMember(ctx, team, member, null);
      if (!team.members_with_roles.some((m) => m.user_id === added.member.user_id)) {
        team = { ...team, members_with_roles: [...team.members_with_roles, added.member] };
      }
    } catch (e) {
      if (e instanceof MemberAddError) throw new Reply(wrappedServerError(`Unable to add user - ${String(member.user_id)}, to team - ${teamId}, for reason - ${e.message}`));
      throw e;
    }
  }
  ctx.store.teams.set(teamId, team);
  return jsonResponse(200, created);
};

function buildTeam(body: ModelValues, teamId: string, now: number): TeamRow {
  const row = blankTeam(teamId, now);
  const copy = <K extends keyof TeamRow>(field: K) => {
    if (body[field] !== undefined && body[field] !== null) row[field] = body[field] as TeamRow[K];
  };
  (["team_alias", "organization_id", "admins", "members", "metadata", "max_budget", "soft_budget", "models", "tpm_limit", "rpm_limit",
    "budget_duration", "blocked", "team_member_permissions", "router_settings"] as const).forEach(copy);
  if (row.budget_duration !== null) {
    try {
      row.budget_reset_at = nextBudgetReset(row.budget_duration, now);
    } catch (e) {
      if (e instanceof DurationError) throw new Reply(wrappedServerError(e.message));
      throw e;
    }
  }
  return row;
}
