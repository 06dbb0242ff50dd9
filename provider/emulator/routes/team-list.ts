// GET /team/list?user_id=&organization_id=: every team (master key), sorted by alias, each with its membership
// rows and keys. Not wrapped.

import { jsonResponse } from "../http-types";
import { parseQuery, queryValue } from "../query";
import { keyColumnsView } from "../rows";
import { membershipView, teamRowView } from "../team-rows";
import type { RouteHandler } from "./context";

export const teamList: RouteHandler = (req, ctx) => {
  const query = parseQuery(req.rawQuery);
  const userId = queryValue(query, "user_id") || undefined;
  const orgId = queryValue(query, "organization_id");
  let teams = [...ctx.store.teams.values()];
  if (userId !== undefined) teams = teams.filter((t) => t.members_with_roles.some((m) => m.user_id === userId));
  if (orgId !== undefined) teams = teams.filter((t) => (orgId === "default_organization" ? t.organization_id === null : t.organization_id === orgId));
  // Python's sort is stable: teams without an alias sort as "".
  teams.sort((a, b) => compare(a.team_alias ?? "", b.team_alias ?? ""));
  return jsonResponse(
    200,
    teams.map((t) => ({
      ...teamRowView(t),
      team_memberships: ctx.store
        .membershipsOfTeam(t.team_id)
        .filter((m) => userId === undefined || m.user_id === userId)
        .map((m) => membershipView(m, m.budget_id === null ? undefined : ctx.store.budgets.get(m.budget_id))),
      keys: ctx.store.keysOfTeam(t.team_id).map(keyColumnsView),
    })),
  );
};

/** Python compares str by code point. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
