// What /budget/new, /budget/update, /organization/* and /tag/* share when they write budget columns: the
// amount checks, the model_max_budget licence check, and copying the columns a request sent.

import { fastapiDetail } from "../errors";
import { Reply } from "../http-types";
import type { BudgetRow } from "../team-rows";
import { nextBudgetReset } from "../time";
import type { ModelValues } from "../validation/model";
import { budgetColumns } from "../validation/governance-requests";
import type { RouteContext } from "./context";
import { NOT_PREMIUM } from "./team-member-errors";

/** Python's str() of a float: -1 → "-1.0". */
export function pythonFloat(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}

/** budget_management_endpoints: negative or non-finite amounts are refused with 400. */
export function checkBudgetAmounts(body: ModelValues): void {
  for (const field of ["max_budget", "soft_budget"]) {
    const v = body[field];
    if (typeof v === "number" && (!Number.isFinite(v) || v < 0)) {
      throw new Reply(fastapiDetail(400, { error: `${field} must be a non-negative finite number. Received: ${pythonFloat(v)}` }));
    }
  }
}

/** validate_model_max_budget: a non-empty model_max_budget needs an enterprise licence. */
export function checkModelMaxBudget(body: ModelValues, ctx: RouteContext): void {
  const m = body.model_max_budget;
  if (!m || typeof m !== "object" || Object.keys(m).length === 0 || ctx.enterprise) return;
  throw new Reply(
    fastapiDetail(400, {
      error: `Invalid model_max_budget: You must have an enterprise license to set model_max_budget. ${NOT_PREMIUM}. Example of valid model_max_budget: https://docs.litellm.ai/docs/proxy/users`,
    }),
  );
}

/** Copies the budget columns present in the body (explicit nulls included unless `skipNull`). */
export function writeBudgetColumns(row: BudgetRow, body: ModelValues, now: number, options: { skipNull?: boolean; computeReset?: boolean } = {}): void {
  for (const field of budgetColumns) {
    if (!(field in body)) continue;
    const v = body[field];
    if (v === null && options.skipNull) continue;
    (row as unknown as Record<string, unknown>)[field] = v;
  }
  if (options.computeReset && row.budget_duration !== null && row.budget_reset_at === null) row.budget_reset_at = nextBudgetReset(row.budget_duration, now);
  row.updated_at = now;
}

export function hasBudgetColumns(body: ModelValues): boolean {
  return budgetColumns.some((f) => body[f] !== undefined && body[f] !== null);
}
