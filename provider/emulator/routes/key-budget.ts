// The budget side of /key/generate and /key/update (key_management_endpoints.py): model_max_budget needs an
// enterprise licence (validate_model_max_budget), and soft_budget on generate makes a budget row of its own.

import { proxyError, wrappedServerError } from "../errors";
import { blankBudget } from "../governance-rows";
import { Reply } from "../http-types";
import type { ModelValues } from "../validation/model";
import type { RouteContext } from "./context";
import { NOT_PREMIUM } from "./team-member-errors";

const MODEL_MAX_BUDGET_REFUSED =
  `Invalid model_max_budget: You must have an enterprise license to set model_max_budget. ${NOT_PREMIUM}. ` +
  "Example of valid model_max_budget: https://docs.litellm.ai/docs/proxy/users";

/**
 * A non-empty model_max_budget without a licence: the ValueError is answered 500 by /key/generate
 * (handle_exception_on_proxy) and 400 "Authentication Error, ..." by /key/update.
 */
export function checkKeyModelMaxBudget(body: ModelValues, ctx: RouteContext, updating: boolean): void {
  const m = body.model_max_budget;
  if (!m || typeof m !== "object" || Object.keys(m).length === 0 || ctx.enterprise) return;
  throw new Reply(updating ? proxyError(400, `Authentication Error, ${MODEL_MAX_BUDGET_REFUSED}`, "auth_error") : wrappedServerError(MODEL_MAX_BUDGET_REFUSED));
}

/**
 * generate_key_fn: a soft_budget creates a budget row holding it and model_max_budget, linked as the key's
 * budget_id in place of any budget_id sent. The row is made before the key's other checks run.
 */
export function softBudgetRow(body: ModelValues, ctx: RouteContext): string | undefined {
  if (typeof body.soft_budget !== "number") return undefined;
  const now = ctx.now();
  const row = blankBudget(ctx.newUserId(), now, ctx.caller.userId);
  row.soft_budget = body.soft_budget;
  row.model_max_budget = (body.model_max_budget as Record<string, unknown> | null | undefined) ?? {};
  ctx.store.budgets.set(row.budget_id, row);
  return row.budget_id;
}
