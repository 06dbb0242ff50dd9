// litellm_tag: a tag (/tag/*) with its description, models and budget. LiteLLM replaces description and
// models on every update, so both are always sent.
import { declareResource, stringList, text } from "../../framework/declarative";
import type { LiteLLMClient } from "../../litellm/client";
import { tagsOf } from "../../litellm/tags";
import { budgetAttributes, budgetConstraints, modelsConstraint, budgetIdExcludesFields } from "../governance-support";
import { describeLiteLLMError } from "../api-errors";

export const tagResource = declareResource<LiteLLMClient>({
  typeName: "litellm_tag",
  noun: "tag",
  attributes: {
    name: { codec: text(), forceNew: true },
    description: { codec: text(), alwaysSend: true },
    models: { codec: stringList(), alwaysSend: true },
    budget_id: { codec: text(), field: "litellm_budget_table.budget_id", serverDefault: true },
    ...budgetAttributes({ nested: true }),
  },
  constraints: {
    ...budgetConstraints,
    models: modelsConstraint,
    name: { schema: { minLength: 1 }, expectation: "must not be empty" },
    budget_id: { schema: { minLength: 1 }, expectation: "must be a budget ID, such as litellm_budget.x.budget_id" },
  },
  checks: [budgetIdExcludesFields],
  describeError: describeLiteLLMError,
  api: {
    async create(ctx, body, planned) {
      await tagsOf(ctx.client).create(planned.name as string, body, ctx.signal);
      return planned.name as string;
    },
    read: (ctx, name) => tagsOf(ctx.client).info(name, ctx.signal),
    update: (ctx, name, body) => tagsOf(ctx.client).update(name, body, ctx.signal),
    delete: (ctx, name) => tagsOf(ctx.client).delete(name, ctx.signal),
  },
});
