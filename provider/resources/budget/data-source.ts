// Data source litellm_budget: an existing budget, by budget_id.
import { declareDataSource } from "../../framework/declarative";
import type { LiteLLMClient } from "../../litellm/client";
import { budgetsOf } from "../../litellm/budgets";
import { describeLiteLLMError } from "../api-errors";
import { budgetAttributeDeclarations } from "./resource";

export const budgetDataSource = declareDataSource<LiteLLMClient>({
  typeName: "litellm_budget",
  noun: "budget",
  attributes: budgetAttributeDeclarations,
  constraints: { budget_id: { schema: { minLength: 1 }, expectation: "must not be empty" } },
  describeError: describeLiteLLMError,
  idOf: (r) => String(r.budget_id),
  lookups: [{ attribute: "budget_id", find: async (ctx, id) => [await budgetsOf(ctx.client).info(id, ctx.signal)].filter((b) => b !== null) }],
});
