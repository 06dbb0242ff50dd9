// Team arguments LiteLLM keeps inside the team's metadata rather than in a column of their own
// (team_endpoints.py reads tpm_limit_type and rpm_limit_type from the object or its metadata; the key
// duration for members is one of LiteLLM_ManagementEndpoint_MetadataFields_Premium). State shows them as their
// own attributes, and `metadata` without them; every write sends the whole metadata object with them put back,
// because /team/update replaces the object.
import type { JsonObject } from "../json-object-argument";

export const teamMetadataFields = ["tpm_limit_type", "rpm_limit_type", "prompts", "team_member_key_duration"] as const;
export type TeamMetadataField = (typeof teamMetadataFields)[number];

/** Keys LiteLLM writes into a team's metadata for itself: the link to the members' default budget row. */
export const litellmLinkKeys = ["team_member_budget_id"];

/** The team's metadata as the user sees it: LiteLLM's object without the keys that are attributes of their own or LiteLLM's links. */
export function userMetadata(server: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(server)) if (!(teamMetadataFields as readonly string[]).includes(k) && !litellmLinkKeys.includes(k)) out[k] = v;
  return out;
}

/** The metadata object to send: the user's object with the fields that are set put in. */
export function metadataToSend(user: JsonObject | undefined, fields: Partial<Record<TeamMetadataField, unknown>>): JsonObject {
  const out: JsonObject = { ...(user ?? {}) };
  for (const f of teamMetadataFields) {
    const v = fields[f];
    if (v !== null && v !== undefined) out[f] = v;
  }
  return out;
}
