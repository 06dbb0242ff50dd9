// validate_budget_duration, which the newest LiteLLM runs first in /user/new, /user/update, /team/new and
// /team/update: 400 {"error": "Invalid budget_duration '...'. ..."} in each endpoint's error shape. Legacy
// proxies (≤ 1.80.7) do not check; an unparsable value silently resets at the next midnight there.
import type { EmuResponse } from "../http-types";
import { Reply } from "../http-types";
import { budgetDurationError } from "../time";
import type { ModelValues } from "../validation/model";
import type { RouteContext } from "./context";

export function checkBudgetDuration(body: ModelValues, ctx: RouteContext, shape: (detail: { error: string }) => EmuResponse): void {
  if (ctx.legacy || typeof body.budget_duration !== "string") return;
  const error = budgetDurationError(body.budget_duration);
  if (error !== null) throw new Reply(shape({ error }));
}
