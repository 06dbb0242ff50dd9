// /user/new's `teams`: each entry (a team_id, or {team_id, max_budget_in_team, user_role}) goes through
// team_member_add, and any failure (no such team, an admin without a licence, already a member) is swallowed.

import type { TeamMember } from "../team-rows";
import type { RouteContext } from "./context";
import { addMember } from "./team-membership";

export function joinTeamsQuietly(ctx: RouteContext, userId: string, teams: unknown[]): void {
  for (const entry of teams) {
    const wanted = parseEntry(entry);
    if (!wanted) continue;
    const team = ctx.store.getTeam(wanted.teamId);
    if (!team || (wanted.role === "admin" && !ctx.enterprise)) continue;
    if (team.members_with_roles.some((m) => m.user_id === userId)) continue;
    const member: TeamMember = { user_id: userId, user_email: null, role: wanted.role };
    const added = addMember(ctx, team, member, wanted.maxBudget);
    ctx.store.teams.set(team.team_id, { ...team, members_with_roles: [...team.members_with_roles, added.member], updated_at: ctx.now() });
  }
}

function parseEntry(entry: unknown): { teamId: string; role: "admin" | "user"; maxBudget: number | null } | undefined {
  if (typeof entry === "string") return { teamId: entry, role: "user", maxBudget: null };
  if (entry === null || typeof entry !== "object") return undefined;
  const e = entry as Record<string, unknown>;
  if (typeof e.team_id !== "string") return undefined;
  return {
    teamId: e.team_id,
    role: e.user_role === "admin" ? "admin" : "user",
    maxBudget: typeof e.max_budget_in_team === "number" ? e.max_budget_in_team : null,
  };
}
