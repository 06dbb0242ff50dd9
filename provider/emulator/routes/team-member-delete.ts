// POST /team/member_delete: by user_id or user_email. A missing team or member is a 400; not wrapped.

import { fastapiDetail } from "../errors";
import { jsonResponse } from "../http-types";
import { teamRowView } from "../team-rows";
import { validateBody } from "../validation/model";
import { requireMemberIdentity, teamMemberDeleteRequest } from "../validation/team-requests";
import type { RouteHandler } from "./context";
import { teamNotInDb } from "./team-member-errors";
import { matches, removeMember } from "./team-membership";

export const teamMemberDelete: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, teamMemberDeleteRequest, requireMemberIdentity);
  const teamId = body.team_id as string;
  const who = { user_id: (body.user_id as string | null | undefined) ?? null, user_email: (body.user_email as string | null | undefined) ?? null };
  const team = ctx.store.getTeam(teamId);
  if (!team) return teamNotInDb(teamId);
  if (!team.members_with_roles.some((m) => matches(m, who))) return fastapiDetail(400, { error: "User not found in team" });
  removeMember(ctx, team, who);
  // The answer is the team as it was read, with the member list already updated.
  const { litellm_model_table: _m, ...row } = teamRowView({ ...team, members_with_roles: team.members_with_roles.filter((m) => !matches(m, who)) });
  return jsonResponse(200, row);
};
