// POST /budget/new: a budget row. Errors are raw HTTPExceptions ({"detail": {"error": ...}}).

import { fastapiDetail } from "../errors";
import { budgetRowView, blankBudget } from "../governance-rows";
import { jsonResponse, Reply } from "../http-types";
import { validateBody } from "../validation/model";
import { budgetNewRequest } from "../validation/governance-requests";
import { checkBudgetAmounts, checkModelMaxBudget, writeBudgetColumns } from "./budget-writes";
import type { RouteHandler } from "./context";

export const budgetNew: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, budgetNewRequest);
  checkBudgetAmounts(body);
  checkModelMaxBudget(body, ctx);
  const budgetId = (body.budget_id as string | null | undefined) ?? ctx.newUserId();
  if (ctx.store.budgets.has(budgetId)) throw new Reply(fastapiDetail(400, { error: `Budget with id '${budgetId}' already exists.` }));
  const now = ctx.now();
  const row = blankBudget(budgetId, now, ctx.caller.userId);
  writeBudgetColumns(row, body, now, { skipNull: true, computeReset: true });
  ctx.store.budgets.set(budgetId, row);
  return jsonResponse(200, budgetRowView(row));
};
