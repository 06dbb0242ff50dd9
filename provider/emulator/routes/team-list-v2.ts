// GET /v2/team/list: the paged team listing LiteLLM's admin UI uses (page, page_size ≤ 100, default 10;
// filters team_id, team_alias, organization_id, user_id). {teams, total, page, page_size, total_pages}.
// Parameters and answer shape inferred from LiteLLM's UI client; order by creation (choice).

import { jsonResponse } from "../http-types";
import { parseQuery, queryValue } from "../query";
import { teamRowView } from "../team-rows";
import type { RouteHandler } from "./context";
import { pageOf, pagingParams } from "./paging";

export const teamListV2: RouteHandler = (req, ctx) => {
  const query = parseQuery(req.rawQuery);
  const paging = pagingParams(query, "page_size", 10, 100);
  let teams = [...ctx.store.teams.values()];
  for (const f of ["team_id", "team_alias", "organization_id"] as const) {
    const wanted = queryValue(query, f);
    if (wanted) teams = teams.filter((t) => t[f] === wanted);
  }
  const userId = queryValue(query, "user_id");
  if (userId) teams = teams.filter((t) => t.members_with_roles.some((m) => m.user_id === userId));
  const page = pageOf(teams, paging);
  return jsonResponse(200, { teams: page.items.map(teamRowView), total: teams.length, page: paging.page, page_size: paging.size, total_pages: page.totalPages });
};
