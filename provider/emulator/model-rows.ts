// Model deployments (LiteLLM_ProxyModelTable) and credentials (LiteLLM_CredentialsTable) as the emulator stores
// them. Secrets are kept as sent (LiteLLM encrypts them at rest); reads never show them (reference §2.3, §3).

export interface ModelRow {
  model_id: string;
  model_name: string;
  litellm_params: Record<string, unknown>;
  model_info: Record<string, unknown>;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  updated_by: string | null;
}

export interface CredentialRow {
  credential_name: string;
  credential_values: Record<string, unknown>;
  credential_info: Record<string, unknown>;
}

/** litellm_params keys /model/info removes (remove_sensitive_info_from_deployment). */
const REMOVED_PARAMS = new Set(["api_key", "client_secret", "vertex_credentials", "aws_access_key_id", "aws_secret_access_key"]);

/** Substrings that make a value "sensitive-looking": shown as its first 4 characters and ****. */
const SENSITIVE_NAME = /key|token|secret|password|credential|authorization/i;

export function maskValue(value: unknown): unknown {
  return typeof value === "string" ? `${value.slice(0, 4)}****` : value;
}

function maskedParams(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    if (REMOVED_PARAMS.has(k)) continue;
    out[k] = SENSITIVE_NAME.test(k) && k !== "litellm_credential_name" ? maskValue(v) : v;
  }
  return out;
}

/** A deployment as /model/info and /v2/model/info show it: secrets removed, model_info marked as a DB model. */
export function deploymentView(row: ModelRow): Record<string, unknown> {
  return {
    model_name: row.model_name,
    litellm_params: maskedParams(row.litellm_params),
    model_info: { ...row.model_info, id: row.model_id, db_model: true },
  };
}

/** /credentials/by_name: values of secret-looking names masked (litellm_logging._get_masked_values). */
export function credentialView(row: CredentialRow): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row.credential_values)) values[k] = SENSITIVE_NAME.test(k) ? maskValue(v) : v;
  return { credential_name: row.credential_name, credential_values: values, credential_info: row.credential_info };
}
