// _update_internal_new_user_params: what a configured proxy fills into /user/new before the user is written.
// default_internal_user_params goes to every role but proxy_admin (up to 1.80.7: internal_user only), for each
// key the request lacks or sends as null, and replaces an empty `models`; its available_teams is skipped. Then,
// for a user_role of internal_user given in the request, max_internal_user_budget and
// internal_user_budget_duration fill a missing budget and duration.
import type { ModelValues } from "../validation/model";
import type { RouteContext } from "./context";

export function withInternalUserDefaults(body: ModelValues, ctx: RouteContext): ModelValues {
  const out: ModelValues = { ...body };
  const { defaultInternalUserParams: params, maxInternalUserBudget, internalUserBudgetDuration } = ctx.settings;
  const role = body.user_role;
  const gets = ctx.legacy ? role === "internal_user" : role !== "proxy_admin";
  if (params && gets) {
    for (const [key, value] of Object.entries(params)) {
      if (key === "available_teams") continue;
      const emptyModels = key === "models" && Array.isArray(out.models) && out.models.length === 0;
      if (out[key] === undefined || out[key] === null || emptyModels) out[key] = structuredClone(value);
    }
  }
  if (role === "internal_user") {
    if (maxInternalUserBudget !== null && (out.max_budget === undefined || out.max_budget === null)) out.max_budget = maxInternalUserBudget;
    if (internalUserBudgetDuration !== null && (out.budget_duration === undefined || out.budget_duration === null)) out.budget_duration = internalUserBudgetDuration;
  }
  return out;
}
