// POST /team/member_add: one member or a list. Not wrapped, so HTTPExceptions are FastAPI's {"detail": ...};
// the duplicate check raises a ProxyException. Admins need an enterprise licence.

import { fastapiDetail } from "../errors";
import { jsonResponse } from "../http-types";
import { userColumnsView } from "../rows";
import { membershipView, teamRowView, type TeamMember, type TeamRow } from "../team-rows";
import { validateBody } from "../validation/model";
import { teamMemberAddRequest } from "../validation/team-requests";
import type { RouteHandler } from "./context";
import { adminNeedsLicence, allAlreadyInTeam, alreadyInTeam, memberStr } from "./team-member-errors";
import { addMember, MemberAddError, type AddedMember } from "./team-membership";

export const teamMemberAdd: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, teamMemberAddRequest);
  const single = !Array.isArray(body.member);
  const members = (single ? [body.member] : body.member) as TeamMember[];
  const teamId = body.team_id as string;
  const maxBudget = (body.max_budget_in_team as number | null | undefined) ?? null;
  if (!ctx.enterprise && members.some((m) => m.role === "admin")) return adminNeedsLicence(members, single);

  let team = ctx.store.getTeam(teamId);
  if (!team) return fastapiDetail(404, { error: `Team not found for team_id=${teamId}` });
  // team_member_add_duplication_check counts a match per field: a member that matches on both user_id and
  // user_email counts twice, so the single-member check (exactly one) lets it through, and the call answers 200.
  const duplicates = members.flatMap((m) => duplicateMatches(team!, m));
  if (single && duplicates.length === 1) return alreadyInTeam(members[0]!, team.members_with_roles);
  if (!single && members.length > 0 && duplicates.length === members.length) return allAlreadyInTeam(team.members_with_roles);

  const added: AddedMember[] = [];
  for (const member of members) {
    try {
      added.push(addMember(ctx, team, member, maxBudget));
    } catch (e) {
      if (!(e instanceof MemberAddError)) throw e;
      return fastapiDetail(500, { error: `Unable to add user - ${memberStr(member)}, to team - ${teamId}, for reason - ${e.message}` });
    }
  }
  for (const { member } of added) {
    if (!isInTeam(team, member)) team = { ...team, members_with_roles: [...team.members_with_roles, member] };
  }
  team = { ...team, updated_at: ctx.now() };
  ctx.store.teams.set(teamId, team);
  return jsonResponse(200, {
    ...teamRowView(team),
    updated_users: added.map((a) => userColumnsView(ctx.store.getUser(a.user.user_id) ?? a.user)),
    updated_team_memberships: added.flatMap((a) => (a.membership ? [membershipView(a.membership, ctx.store.budgets.get(a.membership.budget_id!))] : [])),
  });
};

/** One entry per existing member that has the same user_id, and one per member with the same user_email. */
function duplicateMatches(team: TeamRow, m: TeamMember): TeamMember[] {
  const byId = m.user_id === null ? [] : team.members_with_roles.filter((e) => e.user_id === m.user_id);
  const byEmail = m.user_email === null ? [] : team.members_with_roles.filter((e) => e.user_email === m.user_email);
  return [...byId, ...byEmail].map(() => m);
}

/** The duplicate test: the same user_id, or the same user_email, as an existing member. */
function isInTeam(team: TeamRow, m: TeamMember): boolean {
  return team.members_with_roles.some(
    (e) => (m.user_id !== null && e.user_id === m.user_id) || (m.user_email !== null && e.user_email === m.user_email),
  );
}
