// POST /organization/new: with no budget_id, a budget row is always made from the budget fields (even none);
// a given budget_id is linked unchecked. A duplicate organization_id fails on the unique key: a plain 500.

import { fastapiDetail } from "../errors";
import { blankBudget, budgetRowView, organizationRowView, type OrganizationRow } from "../governance-rows";
import { jsonResponse, Reply } from "../http-types";
import { validateBody } from "../validation/model";
import { newOrganizationRequest } from "../validation/governance-requests";
import { pythonFloat, writeBudgetColumns } from "./budget-writes";
import type { RouteHandler } from "./context";
import { internalServerError } from "./plain-errors";

export const organizationNew: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, newOrganizationRequest);
  checkNotNegative(body);
  const now = ctx.now();
  const organizationId = (body.organization_id as string | null | undefined) ?? ctx.newUserId();
  if (ctx.store.organizations.has(organizationId)) return internalServerError();
  let budgetId = (body.budget_id as string | null | undefined) ?? null;
  if (budgetId === null) {
    const budget = blankBudget(ctx.newUserId(), now, ctx.caller.userId);
    writeBudgetColumns(budget, body, now, { skipNull: true, computeReset: true });
    ctx.store.budgets.set(budget.budget_id, budget);
    budgetId = budget.budget_id;
  }
  const metadata = { ...((body.metadata as Record<string, unknown> | null | undefined) ?? {}) };
  // model_rpm_limit and model_tpm_limit are kept inside metadata.
  for (const field of ["model_rpm_limit", "model_tpm_limit"]) if (body[field] !== undefined && body[field] !== null) metadata[field] = body[field];
  const row: OrganizationRow = {
    organization_id: organizationId,
    organization_alias: body.organization_alias as string,
    budget_id: budgetId,
    metadata,
    models: (body.models as string[] | undefined) ?? [],
    spend: 0,
    model_spend: {},
    object_permission_id: null,
    created_at: now,
    created_by: ctx.caller.userId,
    updated_at: now,
    updated_by: ctx.caller.userId,
  };
  ctx.store.organizations.set(organizationId, row);
  const budget = ctx.store.budgets.get(budgetId);
  return jsonResponse(200, { ...organizationRowView(row), litellm_budget_table: budget ? budgetRowView(budget) : null });
};

/** new_organization and update_organization refuse negative amounts with 400. */
export function checkNotNegative(body: Record<string, unknown>): void {
  for (const field of ["max_budget", "soft_budget"]) {
    const v = body[field];
    if (typeof v === "number" && v < 0) throw new Reply(fastapiDetail(400, { error: `${field} cannot be negative. Received: ${pythonFloat(v)}` }));
  }
}
