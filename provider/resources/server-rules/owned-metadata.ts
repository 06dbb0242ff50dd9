// The keys LiteLLM keeps inside an object's `metadata` for its own settings. They are not the user's metadata:
// they never show as a diff in `metadata`, and every request that sends `metadata` carries them over, because
// /user/update, /team/update and /key/update replace the whole object. Users, teams, keys and organizations share
// this list (docs/litellm-api.md, "LiteLLM's own keys in metadata", gives the source of each). LiteLLM writes only
// some of them on each kind of object (team_member_budget_id on teams alone), but the names are its own on every
// object, and a key it never writes on an object is simply never there to split off, so one list serves all.

/** Keys LiteLLM writes into metadata (prepare_metadata_fields, new_team, the UI), in no particular order. */
export const liteLLMOwnedMetadataKeys: readonly string[] = [
  // LiteLLM_ManagementEndpoint_MetadataFields and its premium list (proxy/_types.py)
  "model_rpm_limit",
  "model_tpm_limit",
  "guardrails",
  "tags",
  "enforced_params",
  "temp_budget_increase",
  "temp_budget_expiry",
  "team_member_key_duration",
  // request fields the newest code also moves into metadata
  "policies",
  "prompts",
  "model_itpm_limit",
  "model_otpm_limit",
  "mcp_rpm_limit",
  "tag_rpm_limit",
  "rpm_limit_type",
  "tpm_limit_type",
  "disable_global_guardrails",
  "allowed_vector_store_indexes",
  "allowed_passthrough_routes",
  "logging",
  "secret_manager_settings",
  // LiteLLM_Reserved_Metadata_Fields: immutable once set
  "service_account_id",
  // teams: the default member budget (new_team, TeamMemberBudgetHandler)
  "team_member_budget_id",
];

const owned = new Set(liteLLMOwnedMetadataKeys);

export function isOwnedMetadataKey(key: string): boolean {
  return owned.has(key);
}

/** The owned keys a configuration's metadata names, which it must not (they would show as a diff forever). */
export function ownedKeysIn(metadata: Record<string, unknown>): string[] {
  return Object.keys(metadata).filter((k) => owned.has(k));
}
