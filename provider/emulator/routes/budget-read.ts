// POST /budget/info (the rows found, unknown ids left out) and GET /budget/list (every row).

import { fastapiDetail } from "../errors";
import { budgetRowView } from "../governance-rows";
import { jsonResponse, Reply } from "../http-types";
import { pythonRepr } from "../python-repr";
import { validateBody } from "../validation/model";
import { budgetInfoRequest } from "../validation/governance-requests";
import type { RouteHandler } from "./context";

export const budgetInfo: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, budgetInfoRequest);
  const ids = body.budgets as string[];
  if (ids.length === 0) throw new Reply(fastapiDetail(400, { error: `Specify list of budget id's to query. Passed in=${pythonRepr(ids)}` }));
  return jsonResponse(200, [...ctx.store.budgets.values()].filter((b) => ids.includes(b.budget_id)).map(budgetRowView));
};

export const budgetList: RouteHandler = (_req, ctx) => jsonResponse(200, [...ctx.store.budgets.values()].map(budgetRowView));
