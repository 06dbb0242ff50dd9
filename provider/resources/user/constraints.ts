// Validation rules for litellm_user beyond the schema document's types.
import type { AttributeConstraints } from "../../framework/validation";
import { acceptedRoles, budgetDurationPattern, keyDurationPattern } from "./semantics";

const nonNegativeInteger = { schema: { type: "integer", minimum: 0 }, expectation: "must be a whole number, 0 or more" };

export const userConstraints: AttributeConstraints = {
  user_email: { schema: { format: "email" }, expectation: "must be an email address, like alice@example.com" },
  user_role: { schema: { enum: acceptedRoles }, expectation: `must be one of: ${acceptedRoles.join(", ")}` },
  max_budget: { schema: { minimum: 0 }, expectation: "must be 0 (unlimited) or more US dollars" },
  budget_duration: {
    schema: { pattern: budgetDurationPattern },
    expectation: "must be daily, weekly, monthly, or a number and a unit s, m, h, d or w (30s, 30m, 1h, 1d, 30d), or 1mo; LiteLLM fails on longer month spans",
  },
  tpm_limit: nonNegativeInteger,
  rpm_limit: nonNegativeInteger,
  models: { schema: { items: { minLength: 1 } }, expectation: "must list model names, none of them empty" },
  metadata: { schema: { jsonObjectString: true }, expectation: "must be a JSON object, for example jsonencode({ team = \"backend\" })" },
  key_duration: { schema: { pattern: keyDurationPattern }, expectation: "must be a number and a unit s, m, h, d, w or mo (30s, 30m, 1h, 1d, 30d, 1mo)" },
  user_id: { schema: { minLength: 1 }, expectation: "must not be empty" },
};
