// Validation rules shared by everything LiteLLM gives budgets and rate limits: users and teams.
import type { AttributeConstraints } from "../framework/validation";
import { budgetDurationPattern } from "./seed-semantics";

export const nonNegativeInteger = { schema: { type: "integer", minimum: 0 }, expectation: "must be a whole number, 0 or more" };

export const limitConstraints: AttributeConstraints = {
  max_budget: { schema: { minimum: 0 }, expectation: "must be 0 (unlimited) or more US dollars" },
  budget_duration: {
    schema: { pattern: budgetDurationPattern },
    expectation: "must be hourly, daily, weekly, monthly, or a number above 0 and a unit s, m, h, d or w (30s, 30m, 1h, 1d, 30d), or 1mo; LiteLLM refuses a zero length and fails on longer month spans",
  },
  tpm_limit: nonNegativeInteger,
  rpm_limit: nonNegativeInteger,
  models: { schema: { items: { minLength: 1 } }, expectation: "must list model names, none of them empty" },
};
