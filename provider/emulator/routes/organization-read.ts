// GET /organization/info?organization_id= and GET /organization/list?org_id=&org_alias= (no paging; the alias
// filter is a case-insensitive contains). Both show the budget, the memberships and the teams.

import { fastapiDetail } from "../errors";
import { organizationWithMembersView } from "../governance-views";
import { jsonResponse } from "../http-types";
import { parseQuery, queryValue } from "../query";
import { validationError } from "../errors";
import type { RouteHandler } from "./context";

export const organizationInfo: RouteHandler = (req, ctx) => {
  const id = queryValue(parseQuery(req.rawQuery), "organization_id");
  if (id === undefined) return validationError([{ type: "missing", loc: ["query", "organization_id"], msg: "Field required", input: null }]);
  const row = ctx.store.organizations.get(id);
  if (!row) return fastapiDetail(404, { error: "Organization not found" });
  return jsonResponse(200, organizationWithMembersView(ctx.store, row));
};

export const organizationList: RouteHandler = (req, ctx) => {
  const query = parseQuery(req.rawQuery);
  const orgId = queryValue(query, "org_id");
  const alias = queryValue(query, "org_alias")?.toLowerCase();
  const rows = [...ctx.store.organizations.values()].filter(
    (o) => (!orgId || o.organization_id === orgId) && (!alias || o.organization_alias.toLowerCase().includes(alias)),
  );
  return jsonResponse(200, rows.map((o) => organizationWithMembersView(ctx.store, o)));
};
