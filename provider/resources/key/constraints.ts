// Validation rules for litellm_key beyond the schema document's types, checked before any API call.
import type { AttributeConstraints } from "../../framework/validation";
import { limitConstraints, nonNegativeInteger } from "../limit-constraints";

/** LiteLLM's own duration form (the key sends durations as written, without the seed spellings). */
const litellmDuration = { schema: { pattern: "^[0-9]+(s|m|h|d|w|mo)$" }, expectation: "must be a number and a unit s, m, h, d, w or mo, for example 30d or 12h" };
const perModel = { schema: { additionalProperties: { type: "integer", minimum: 0 } }, expectation: "must map model names to whole numbers, 0 or more" };

export const keyConstraints: AttributeConstraints = {
  ...limitConstraints,
  key_alias: { schema: { minLength: 1 }, expectation: "must not be empty; leave it out for a key without an alias" },
  budget_duration: litellmDuration,
  duration: litellmDuration,
  max_parallel_requests: nonNegativeInteger,
  soft_budget: { schema: { minimum: 0 }, expectation: "must be 0 or more US dollars" },
  model_max_budget: {
    schema: { additionalProperties: { type: "object", properties: { budget_limit: { minimum: 0 }, time_period: { pattern: "^[0-9]+(s|m|h|d|w|mo)$" } } } },
    expectation: "must map model names to { budget_limit = US dollars, 0 or more, time_period = a number and a unit s, m, h, d, w or mo (30d) }",
  },
  model_rpm_limit: perModel,
  model_tpm_limit: perModel,
  metadata: { schema: { jsonObjectString: true }, expectation: "must be a JSON object, for example jsonencode({ owner = \"platform\" })" },
};
