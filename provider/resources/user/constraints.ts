// Validation rules for litellm_user beyond the schema document's types.
import type { AttributeConstraints } from "../../framework/validation";
import { jsonObjectConstraint } from "../json-object-argument";
import { limitConstraints, nonNegativeInteger } from "../limit-constraints";
import { acceptedRoles, keyDurationPattern } from "../seed-semantics";

export const userConstraints: AttributeConstraints = {
  user_email: { schema: { format: "email" }, expectation: "must be an email address, like alice@example.com" },
  user_role: { schema: { enum: acceptedRoles }, expectation: `must be one of: ${acceptedRoles.join(", ")}` },
  ...limitConstraints,
  metadata: jsonObjectConstraint('department = "Engineering"'),
  model_max_budget: jsonObjectConstraint('"gpt-4o" = { max_budget = 25 }'),
  max_parallel_requests: nonNegativeInteger,
  teams: { schema: { items: { minLength: 1 } }, expectation: "must list team IDs, none of them empty" },
  key_duration: { schema: { pattern: keyDurationPattern }, expectation: "must be a number and a unit s, m, h, d, w or mo (30s, 30m, 1h, 1d, 30d, 1mo)" },
  user_id: { schema: { minLength: 1 }, expectation: "must not be empty" },
};
