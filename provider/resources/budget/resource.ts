// litellm_budget: a reusable budget (/budget/*) that organizations, tags, keys and members can point at.
import { randomUUID } from "node:crypto";
import { declareResource, jsonObjectText, text, type AttributeDeclaration } from "../../framework/declarative";
import type { LiteLLMClient } from "../../litellm/client";
import { budgetsOf } from "../../litellm/budgets";
import { budgetAttributes, budgetConstraints } from "../governance-support";
import { describeLiteLLMError } from "../api-errors";

export const budgetAttributeDeclarations: Record<string, AttributeDeclaration> = {
  budget_id: { codec: text(), send: false, serverDefault: true, forceNew: true },
  ...budgetAttributes(),
  model_max_budget: { codec: jsonObjectText() },
};

export const budgetResource = declareResource<LiteLLMClient>({
  typeName: "litellm_budget",
  noun: "budget",
  attributes: budgetAttributeDeclarations,
  constraints: {
    ...budgetConstraints,
    budget_id: { schema: { minLength: 1 }, expectation: "must not be empty; leave it out to let LiteLLM choose one" },
    model_max_budget: {
      schema: { jsonObjectString: true },
      expectation: 'must be a JSON object of model names to limits, for example jsonencode({ "gpt-4o" = { budget_limit = 10, time_period = "1d" } })',
    },
  },
  describeError: describeLiteLLMError,
  api: {
    async create(ctx, body, planned) {
      // Our own budget_id makes a retried create safe (LiteLLMBudgets.create).
      const budgetId = typeof planned.budget_id === "string" ? planned.budget_id : randomUUID();
      await budgetsOf(ctx.client).create(budgetId, body, ctx.signal);
      return budgetId;
    },
    read: (ctx, id) => budgetsOf(ctx.client).info(id, ctx.signal),
    update: (ctx, id, body) => budgetsOf(ctx.client).update(id, body, ctx.signal),
    delete: (ctx, id) => budgetsOf(ctx.client).delete(id, ctx.signal),
  },
});
