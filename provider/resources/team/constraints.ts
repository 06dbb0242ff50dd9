// Validation rules for litellm_team beyond the schema document's types.
import type { AttributeConstraints } from "../../framework/validation";
import { jsonObjectConstraint } from "../json-object-argument";
import { limitConstraints, nonNegativeInteger } from "../limit-constraints";
import { keyDurationPattern } from "../seed-semantics";

/** LiteLLM's rate limit enforcement modes (tpm_limit_type, rpm_limit_type). */
export const limitTypes = ["best_effort_throughput", "guaranteed_throughput", "dynamic"];
const limitType = { schema: { enum: limitTypes }, expectation: `must be one of: ${limitTypes.join(", ")}` };
const names = (what: string) => ({ schema: { items: { minLength: 1 } }, expectation: `must list ${what}, none of them empty` });

export const teamConstraints: AttributeConstraints = {
  team_alias: { schema: { minLength: 1 }, expectation: "must not be empty; leave it out for a team without a name" },
  organization_id: { schema: { minLength: 1 }, expectation: "must not be empty; leave it out for a team in no organization" },
  ...limitConstraints,
  metadata: jsonObjectConstraint('owner = "platform"'),
  router_settings: jsonObjectConstraint('fallbacks = [{ model = "gpt-4o", fallback_models = ["gpt-4o-mini"] }]'),
  tpm_limit_type: limitType,
  rpm_limit_type: limitType,
  soft_budget: { schema: { minimum: 0 }, expectation: "must be 0 or more US dollars" },
  team_member_budget: { schema: { minimum: 0 }, expectation: "must be 0 (none) or more US dollars" },
  team_member_budget_duration: limitConstraints.budget_duration!,
  team_member_rpm_limit: nonNegativeInteger,
  team_member_tpm_limit: nonNegativeInteger,
  team_member_key_duration: { schema: { pattern: keyDurationPattern }, expectation: "must be a number and a unit s, m, h, d, w or mo (30s, 1h, 1d, 30d, 1mo)" },
  team_member_permissions: names("permission names"),
  prompts: names("prompt IDs"),
};
