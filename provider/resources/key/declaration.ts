// litellm_key as a declaration: each attribute, the LiteLLM field it maps to, and how it behaves.
// LiteLLM keeps tags, guardrails and the per-model limits inside the key's metadata (reference §1.3), so those
// attributes read from metadata.<field>, and metadata's own attribute never shows or drops them.
import { bool, jsonObjectText, number, numberMap, stringList, text, type AttributeDeclaration } from "../../framework/declarative";
import { liteLLMOwnedMetadataKeys } from "../server-rules/owned-metadata";
import { keyDuration } from "./duration";
import { modelBudgets } from "./model-max-budget";

const keptInState = { writeOnly: true, send: false as const };

export const keyAttributes: Record<string, AttributeDeclaration> = {
  key: { codec: text(), ...keptInState },
  key_alias: { codec: text() },
  user_id: { codec: text() },
  team_id: { codec: text() },
  organization_id: { codec: text() },
  models: { codec: stringList() },
  max_budget: { codec: number() },
  // LiteLLM's shape; a non-empty one needs an enterprise licence (validate_model_max_budget).
  model_max_budget: { codec: modelBudgets() },
  // Kept in a budget row linked as budget_id (LiteLLM makes one for a soft_budget); see resource.ts for updates.
  soft_budget: { field: "litellm_budget_table.soft_budget", send: "soft_budget", codec: number(), serverDefault: (c) => c.budget_id !== null },
  budget_id: { codec: text(), serverDefault: (c) => c.soft_budget !== null },
  budget_duration: { codec: text() },
  tpm_limit: { codec: number() },
  rpm_limit: { codec: number() },
  max_parallel_requests: { codec: number() },
  model_rpm_limit: { field: "metadata.model_rpm_limit", send: "model_rpm_limit", codec: numberMap() },
  model_tpm_limit: { field: "metadata.model_tpm_limit", send: "model_tpm_limit", codec: numberMap() },
  metadata: { codec: jsonObjectText({ serverOwned: liteLLMOwnedMetadataKeys }) },
  tags: { field: "metadata.tags", send: "tags", codec: stringList() },
  guardrails: { field: "metadata.guardrails", send: "guardrails", codec: stringList() },
  allowed_routes: { codec: stringList() },
  // LiteLLM keeps no duration, only the expiry it computed from it (see duration.ts for import).
  duration: { codec: keyDuration(), writeOnly: true },
  blocked: { codec: bool({ nullIs: false }), default: false },
  rotation: { codec: text(), ...keptInState },
  rotation_in_place: { codec: bool(), ...keptInState, default: false },
  key_name: { codec: text(), computed: true },
  spend: { codec: number(), computed: true, volatile: true },
  expires: { codec: text(), computed: true },
  created_at: { codec: text(), computed: true },
};
