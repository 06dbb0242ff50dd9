// POST /team/member_update: a member's role and budget within the team. Current LiteLLM patches only the budget
// fields sent (null clears); up to 1.80.x a missing max_budget_in_team cleared the budget. Not wrapped.

import { fastapiDetail } from "../errors";
import { jsonResponse } from "../http-types";
import type { BudgetRow } from "../team-rows";
import { validateBody, type ModelValues } from "../validation/model";
import { requireMemberIdentity, teamMemberUpdateRequest } from "../validation/team-requests";
import type { RouteContext, RouteHandler } from "./context";
import { adminNeedsLicenceOnUpdate, teamNotInDb } from "./team-member-errors";
import { clearMemberBudget, setMemberBudget } from "./team-membership";

export const teamMemberUpdate: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, teamMemberUpdateRequest(ctx.legacy), requireMemberIdentity);
  const teamId = body.team_id as string;
  const role = (body.role as "admin" | "user" | null | undefined) ?? null;
  const email = (body.user_email as string | null | undefined) ?? null;
  if (role === "admin" && !ctx.enterprise) return adminNeedsLicenceOnUpdate();
  const team = ctx.store.getTeam(teamId);
  if (!team) return teamNotInDb(teamId);

  // With a user_id, LiteLLM does not check that the user is a member; with only an email it looks the member up.
  const userId = (body.user_id as string | null | undefined) ?? team.members_with_roles.find((m) => email !== null && m.user_email === email)?.user_id ?? null;
  if (userId === null) return fastapiDetail(400, { error: `User id doesn't exist in team table. Data=${requestStr(body, ctx.legacy)}` });

  applyBudget(ctx, teamId, userId, body);
  if (role !== null) {
    const members = team.members_with_roles.map((m) => (m.user_id === userId ? { user_id: m.user_id, user_email: email ?? m.user_email, role } : m));
    ctx.store.teams.set(teamId, { ...team, members_with_roles: members, updated_at: ctx.now() });
  }
  return jsonResponse(200, {
    user_id: userId,
    user_email: email,
    team_id: teamId,
    max_budget_in_team: (body.max_budget_in_team as number | null | undefined) ?? null,
    ...(ctx.legacy ? {} : { tpm_limit: body.tpm_limit ?? null, rpm_limit: body.rpm_limit ?? null }),
  });
};

function applyBudget(ctx: RouteContext, teamId: string, userId: string, body: ModelValues): void {
  const columns: [string, keyof BudgetRow][] = [["max_budget_in_team", "max_budget"], ["tpm_limit", "tpm_limit"], ["rpm_limit", "rpm_limit"]];
  if (ctx.legacy) {
    // Every limit absent or null: the budget is disconnected.
    const limits = Object.fromEntries(columns.filter(([f]) => body[f] !== undefined && body[f] !== null).map(([f, c]) => [c, body[f]]));
    if (Object.keys(limits).length === 0) clearMemberBudget(ctx, teamId, userId);
    else setMemberBudget(ctx, teamId, userId, limits);
    return;
  }
  const patch = Object.fromEntries(columns.filter(([f]) => f in body).map(([f, c]) => [c, body[f]])) as Partial<BudgetRow>;
  if (Object.keys(patch).length === 0) return;
  const membership = ctx.store.getMembership(teamId, userId);
  const current = membership?.budget_id ? ctx.store.budgets.get(membership.budget_id) : undefined;
  const merged = { max_budget: current?.max_budget ?? null, tpm_limit: current?.tpm_limit ?? null, rpm_limit: current?.rpm_limit ?? null, ...patch };
  if (merged.max_budget === null && merged.tpm_limit === null && merged.rpm_limit === null) clearMemberBudget(ctx, teamId, userId);
  else setMemberBudget(ctx, teamId, userId, merged);
}

/** str() of TeamMemberUpdateRequest, in its field order. */
function requestStr(body: ModelValues, legacy: boolean): string {
  const fields = ["user_id", "user_email", "team_id", "max_budget_in_team", "role", ...(legacy ? [] : ["tpm_limit", "rpm_limit"])];
  return fields.map((f) => `${f}=${pyValue(body[f])}`).join(" ");
}

function pyValue(v: unknown): string {
  if (v === undefined || v === null) return "None";
  return typeof v === "string" ? `'${v}'` : String(v);
}
