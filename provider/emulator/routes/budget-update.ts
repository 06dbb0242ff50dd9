// POST /budget/update: writes the fields sent (an explicit null clears); an unknown id answers 200 null,
// as Prisma's update finds no row. budget_reset_at is not re-computed.

import { fastapiDetail } from "../errors";
import { budgetRowView } from "../governance-rows";
import { jsonResponse, Reply } from "../http-types";
import { validateBody } from "../validation/model";
import { budgetNewRequest } from "../validation/governance-requests";
import { checkBudgetAmounts, checkModelMaxBudget, writeBudgetColumns } from "./budget-writes";
import type { RouteHandler } from "./context";

export const budgetUpdate: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, budgetNewRequest);
  if (body.budget_id === undefined || body.budget_id === null) throw new Reply(fastapiDetail(400, { error: "budget_id is required" }));
  checkBudgetAmounts(body);
  checkModelMaxBudget(body, ctx);
  const row = ctx.store.budgets.get(body.budget_id as string);
  if (!row) return jsonResponse(200, null);
  writeBudgetColumns(row, body, ctx.now());
  row.updated_by = ctx.caller.userId;
  return jsonResponse(200, budgetRowView(row));
};
