// POST /budget/delete {"id"}: the deleted row, or 200 null for an unknown id (Prisma's delete finds nothing).
// The foreign keys decide what a row still in use does (schema.prisma and its migrations): an organization's
// budget_id is required (ON DELETE RESTRICT), so deleting its budget fails with a plain 500; keys, team and
// organization memberships and tags hold an optional budget_id (ON DELETE SET NULL), which the delete clears.

import { budgetRowView } from "../governance-rows";
import { jsonResponse } from "../http-types";
import { validateBody } from "../validation/model";
import { budgetDeleteRequest } from "../validation/governance-requests";
import type { RouteHandler } from "./context";
import { internalServerError } from "./plain-errors";

export const budgetDelete: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, budgetDeleteRequest);
  const id = body.id as string;
  const row = ctx.store.budgets.get(id);
  if (!row) return jsonResponse(200, null);
  if ([...ctx.store.organizations.values()].some((o) => o.budget_id === id)) return internalServerError();
  const unlinked = [ctx.store.keys, ctx.store.memberships, ctx.store.orgMemberships, ctx.store.tags];
  for (const rows of unlinked) for (const linked of rows.values()) if (linked.budget_id === id) linked.budget_id = null;
  ctx.store.budgets.delete(id);
  return jsonResponse(200, budgetRowView(row));
};
