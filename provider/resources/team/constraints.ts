// Validation rules for litellm_team beyond the schema document's types.
import type { AttributeConstraints } from "../../framework/validation";
import { limitConstraints } from "../limit-constraints";

export const teamConstraints: AttributeConstraints = {
  team_alias: { schema: { minLength: 1 }, expectation: "must not be empty; leave it out for a team without a name" },
  ...limitConstraints,
  metadata: { schema: { jsonObjectString: true }, expectation: "must be a JSON object, for example jsonencode({ owner = \"platform\" })" },
};
