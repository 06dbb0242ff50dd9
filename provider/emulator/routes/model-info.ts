// GET /model/info[?litellm_model_id=] and GET /v2/model/info (reference §2.1). Both read the router's
// deployments: secrets removed, model_info with id and db_model. v2 pages ({data, total_count, current_page,
// total_pages, size}; page 1, size 50) and filters by modelId, exact model name (`model`) and `search`.

import { fastapiDetail } from "../errors";
import { jsonResponse } from "../http-types";
import { deploymentView } from "../model-rows";
import { parseQuery, queryValue } from "../query";
import type { RouteHandler } from "./context";
import { pageOf, pagingParams } from "./paging";

export const modelInfoV1: RouteHandler = (req, ctx) => {
  const id = queryValue(parseQuery(req.rawQuery), "litellm_model_id");
  if (id === undefined) return jsonResponse(200, { data: [...ctx.store.models.values()].map(deploymentView) });
  const row = ctx.store.models.get(id);
  if (!row) return fastapiDetail(404, { error: `Model id = ${id} not found on litellm proxy` });
  return jsonResponse(200, { data: deploymentView(row) });
};

export const modelInfoV2: RouteHandler = (req, ctx) => {
  const query = parseQuery(req.rawQuery);
  const paging = pagingParams(query, "size", 50, 10_000);
  let rows = [...ctx.store.models.values()];
  const id = queryValue(query, "modelId");
  if (id) rows = rows.filter((m) => m.model_id === id);
  const name = queryValue(query, "model");
  if (name) rows = rows.filter((m) => m.model_name === name);
  const search = queryValue(query, "search")?.toLowerCase();
  // A partial match on the deployment's name (a team model's internal one) or a team model's public name.
  if (search) rows = rows.filter((m) => [m.model_name, m.model_info.team_public_model_name].some((n) => typeof n === "string" && n.toLowerCase().includes(search)));
  const page = pageOf(rows, paging);
  return jsonResponse(200, {
    data: page.items.map(deploymentView),
    total_count: rows.length,
    current_page: paging.page,
    total_pages: page.totalPages,
    size: paging.size,
  });
};
