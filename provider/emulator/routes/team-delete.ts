// POST /team/delete: every team must exist or nothing is deleted. The teams' keys are deleted, every member
// leaves (as /team/member_delete does it), then the teams go; the users themselves stay. Not wrapped.

import { fastapiDetail } from "../errors";
import { jsonResponse } from "../http-types";
import { validateBody } from "../validation/model";
import { deleteTeamRequest } from "../validation/team-requests";
import type { RouteHandler } from "./context";
import { removeMember } from "./team-membership";

export const teamDelete: RouteHandler = (req, ctx) => {
  const teamIds = validateBody(req.body, deleteTeamRequest).team_ids as string[];
  const missing = teamIds.find((id) => !ctx.store.getTeam(id));
  if (missing !== undefined) return fastapiDetail(404, { error: `Team not found, passed team_id=${missing}` });
  for (const key of [...ctx.store.keys.values()]) if (key.team_id !== null && teamIds.includes(key.team_id)) ctx.store.deleteKey(key.token);
  for (const teamId of new Set(teamIds)) {
    for (const member of ctx.store.getTeam(teamId)!.members_with_roles) removeMember(ctx, ctx.store.getTeam(teamId)!, member);
    for (const m of ctx.store.membershipsOfTeam(teamId)) ctx.store.deleteMembership(teamId, m.user_id);
    ctx.store.teams.delete(teamId);
  }
  return jsonResponse(200, { deleted_teams: teamIds });
};
