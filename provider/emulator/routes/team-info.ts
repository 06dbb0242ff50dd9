// GET /team/info?team_id=: the team, its keys and its membership rows. Its errors are ProxyExceptions of type
// auth_error whose message is str() of the HTTPException's dict detail.

import { proxyError } from "../errors";
import { jsonResponse } from "../http-types";
import { pythonRepr } from "../python-repr";
import { parseQuery, queryValue } from "../query";
import { keyColumnsView } from "../rows";
import { membershipView, teamInfoView } from "../team-rows";
import type { RouteHandler } from "./context";

export const teamInfo: RouteHandler = (req, ctx) => {
  const teamId = queryValue(parseQuery(req.rawQuery), "team_id");
  if (teamId === undefined) return authError(422, { message: "Malformed request. No team id passed in." });
  const team = ctx.store.getTeam(teamId);
  if (!team) return authError(404, { message: `Team not found, passed team id: ${teamId}.` });
  return jsonResponse(200, {
    team_id: teamId,
    team_info: teamInfoView(team, {
      modelTable: team.model_id === null ? undefined : ctx.store.modelTables.get(team.model_id),
      memberBudget: typeof team.metadata.team_member_budget_id === "string" ? ctx.store.budgets.get(team.metadata.team_member_budget_id) : undefined,
    }),
    // LiteLLM means to drop each key's token here but pops it from a copy, so tokens are listed.
    keys: ctx.store.keysOfTeam(teamId).map(keyColumnsView),
    team_memberships: ctx.store.membershipsOfTeam(teamId).map((m) => membershipView(m, m.budget_id === null ? undefined : ctx.store.budgets.get(m.budget_id))),
  });
};

function authError(status: number, detail: Record<string, string>) {
  return proxyError(status, pythonRepr(detail), "auth_error");
}
