// GET /user/info?user_id= (reference §3).

import { wrappedHttpException } from "../errors";
import { jsonResponse } from "../http-types";
import { parseQuery, queryValue } from "../query";
import { keyColumnsView, userInfoView, type KeyRow } from "../rows";
import { teamRowView, type TeamRow } from "../team-rows";
import type { RouteHandler } from "./context";

export const userInfo: RouteHandler = (req, ctx) => {
  const userId = userIdFromQuery(req.rawQuery);
  if (userId === undefined) {
    // A master-key caller without user_id gets every key and every team on the proxy.
    return jsonResponse(200, { user_id: null, user_info: null, keys: [...ctx.store.keys.values()].map(userKeyView), teams: teamsView([...ctx.store.teams.values()]) });
  }
  const user = ctx.store.getUser(userId);
  if (!user) {
    if (ctx.legacy) return jsonResponse(200, { user_id: userId, user_info: { spend: 0 }, keys: [], teams: [] });
    return wrappedHttpException(404, `User ${userId} not found`);
  }
  const keys = ctx.store.keysOfUser(userId).filter((k) => k.team_id !== "litellm-dashboard");
  const teams = user.teams.map((id) => ctx.store.getTeam(id)).filter((t): t is TeamRow => t !== undefined);
  return jsonResponse(200, { user_id: userId, user_info: userInfoView(user), keys: keys.map(userKeyView), teams: teamsView(teams) });
};

/** The user's teams, sorted by alias as LiteLLM sorts them. */
function teamsView(teams: TeamRow[]): Record<string, unknown>[] {
  const alias = (t: TeamRow) => t.team_alias ?? "";
  return [...teams].sort((a, b) => (alias(a) < alias(b) ? -1 : alias(a) > alias(b) ? 1 : 0)).map(teamRowView);
}

/** Starlette turns "+" into a space; LiteLLM re-reads the raw query when it sees one, keeping "+" literal. */
function userIdFromQuery(rawQuery: string): string | undefined {
  const decoded = queryValue(parseQuery(rawQuery), "user_id");
  if (decoded === undefined || !decoded.includes(" ")) return decoded;
  return queryValue(parseQuery(rawQuery, false), "user_id");
}

function userKeyView(row: KeyRow): Record<string, unknown> {
  return { ...keyColumnsView(row), team_alias: "None" };
}
