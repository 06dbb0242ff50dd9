// POST /budget/delete {"id"}: the deleted row, or 200 null for an unknown id (Prisma's delete finds nothing).
// A budget an organization, tag or membership still points at fails on the foreign key: a plain 500.

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
  const inUse =
    [...ctx.store.organizations.values()].some((o) => o.budget_id === id) ||
    [...ctx.store.tags.values()].some((t) => t.budget_id === id) ||
    [...ctx.store.orgMemberships.values()].some((m) => m.budget_id === id) ||
    [...ctx.store.memberships.values()].some((m) => m.budget_id === id);
  if (inUse) return internalServerError();
  ctx.store.budgets.delete(id);
  return jsonResponse(200, budgetRowView(row));
};
