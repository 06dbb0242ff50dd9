// LiteLLM's user and key shapes, as far as this provider reads and writes them.

/** A row of LiteLLM_UserTable, as /user/info and /user/list return it. */
export interface LiteLLMUser {
  user_id: string;
  user_email: string | null;
  user_alias: string | null;
  user_role: string | null;
  max_budget: number | null;
  budget_duration: string | null;
  tpm_limit: number | null;
  rpm_limit: number | null;
  models: string[];
  metadata: Record<string, unknown>;
  max_parallel_requests: number | null;
  model_max_budget: Record<string, unknown>;
  /** IDs of the teams the user is a member of. */
  teams: string[];
  spend: number;
  created_at: string | null;
  updated_at: string | null;
}

/** A row of LiteLLM_VerificationToken, as /user/info lists it: `token` is the sha256 of the key. */
export interface LiteLLMKeyRow {
  token: string;
  key_alias: string | null;
  key_name: string | null;
  expires: string | null;
  created_at: string | null;
  team_id: string | null;
  blocked: boolean | null;
}

export interface UserInfo {
  user: LiteLLMUser;
  keys: LiteLLMKeyRow[];
}

/** Fields /user/new and /user/update accept that this provider sends. */
export interface UserFields {
  user_id?: string;
  user_email?: string;
  user_alias?: string | null;
  user_role?: string;
  max_budget?: number | null;
  budget_duration?: string;
  tpm_limit?: number;
  rpm_limit?: number;
  models?: string[];
  metadata?: Record<string, unknown>;
  max_parallel_requests?: number;
  model_max_budget?: Record<string, unknown>;
}

/** Settings LiteLLM gives the key a user gets at /user/new (it has no user column for them), or a /key/generate. */
export interface KeySettings {
  aliases?: Record<string, string>;
  config?: Record<string, string>;
  permissions?: Record<string, string>;
  blocked?: boolean;
}

export interface NewUserRequest extends UserFields, KeySettings {
  auto_create_key: boolean;
  key_alias?: string;
  duration?: string;
  /** Team IDs to join as a plain member; LiteLLM swallows failures, so a read-back checks them. */
  teams?: string[];
  send_invite_email?: boolean;
}

export interface NewUserResponse {
  user_id: string;
  /** The raw key, or "" when no key was created. */
  key: string;
}

export interface GenerateKeyRequest extends KeySettings {
  user_id: string;
  key_alias?: string;
  duration?: string;
  models?: string[];
}
