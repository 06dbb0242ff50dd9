// What /team/new adds on a configured proxy (new_team): a max_budget from the first entry of
// litellm_settings.default_team_settings when the request has none, and a team_member_budget turned into a budget
// row whose id goes into metadata.team_member_budget_id (members added without a budget get a copy of it).
import { randomUUID } from "node:crypto";
import type { BudgetRow } from "../team-rows";
import type { ModelValues } from "../validation/model";
import type { RouteContext } from "./context";

export function withDefaultTeamBudget(body: ModelValues, ctx: RouteContext): ModelValues {
  if (body.max_budget !== undefined && body.max_budget !== null) return body;
  const first = ctx.settings.defaultTeamSettings?.[0];
  const budget = first?.max_budget;
  return typeof budget === "number" ? { ...body, max_budget: budget } : body;
}

/** The budget row for the team's default member budget, or null when the request has none. */
export function teamMemberBudgetId(ctx: RouteContext, body: ModelValues, now: number): string | null {
  const amount = body.team_member_budget;
  if (typeof amount !== "number") return null;
  const row: BudgetRow = {
    budget_id: randomUUID(), max_budget: amount, soft_budget: null, max_parallel_requests: null, tpm_limit: null, rpm_limit: null,
    model_max_budget: null, budget_duration: null, budget_reset_at: null, created_at: now, created_by: ctx.caller.userId, updated_at: now,
    updated_by: ctx.caller.userId,
  };
  ctx.store.budgets.set(row.budget_id, row);
  return row.budget_id;
}
