// What the declarative resources over LiteLLM share: the budget attributes of
// budgets, organizations and tags, and their validation rules.
import type { TfObject } from "../values/value";
import { attributePath } from "../framework/diagnostics";
import { number, spelledText, type AttributeDeclaration, type ConfigCheck } from "../framework/declarative";
import type { AttributeConstraints } from "../framework/validation";
import { limitConstraints } from "./limit-constraints";
import { budgetDurationsEquivalent, nativeBudgetDuration } from "./seed-semantics";

export const budgetDuration = spelledText({ toApi: nativeBudgetDuration, equivalent: budgetDurationsEquivalent });

export const budgetFieldNames = ["max_budget", "soft_budget", "max_parallel_requests", "tpm_limit", "rpm_limit", "budget_duration"] as const;

/**
 * The budget attributes. `nested` reads them from the linked budget (litellm_budget_table), where LiteLLM
 * cannot clear them: removing one keeps the value and the plan says so, unless a budget_id is configured,
 * when they are the linked budget's values.
 */
export function budgetAttributes(options: { nested?: boolean } = {}): Record<string, AttributeDeclaration> {
  const out: Record<string, AttributeDeclaration> = {};
  for (const name of budgetFieldNames) {
    const codec = name === "budget_duration" ? budgetDuration : number();
    out[name] = options.nested
      ? { codec, field: `litellm_budget_table.${name}`, send: name, whenRemoved: "keep", serverDefault: budgetIdGiven }
      : { codec };
  }
  return out;
}

const budgetIdGiven = (config: TfObject) => config.budget_id !== null;

const nonNegativeInteger = { schema: { type: "integer", minimum: 0 }, expectation: "must be a whole number, 0 or more" };

const { models: modelsConstraint, ...limits } = limitConstraints;
export { modelsConstraint };

export const budgetConstraints: AttributeConstraints = {
  ...limits,
  max_budget: { schema: { minimum: 0 }, expectation: "must be 0 or more US dollars" },
  soft_budget: { schema: { minimum: 0 }, expectation: "must be 0 or more US dollars" },
  max_parallel_requests: nonNegativeInteger,
};

/** A budget_id points at a shared budget (litellm_budget): the budget fields then belong to it. */
export const budgetIdExcludesFields: ConfigCheck = (config, diagnostics) => {
  if (config.budget_id === null) return;
  for (const name of budgetFieldNames) {
    if (config[name] === null) continue;
    diagnostics.addError(
      "Conflicting Budget Settings",
      `Set either budget_id (a litellm_budget to use) or the budget fields (${budgetFieldNames.join(", ")}), not both: with a budget_id LiteLLM would write ${name} into that shared budget.`,
      attributePath(name),
    );
  }
};

