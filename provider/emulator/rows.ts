// Rows as LiteLLM's Prisma schema stores them (LiteLLM_UserTable, LiteLLM_VerificationToken), with
// timestamps kept as epoch milliseconds; the *View functions render them as the API shows them.

import { isoOrNull } from "./time";

export interface UserRow {
  user_id: string;
  user_alias: string | null;
  team_id: string | null;
  sso_user_id: string | null;
  organization_id: string | null;
  object_permission_id: string | null;
  /** sha256 of the password; never rendered. */
  password: string | null;
  teams: string[];
  user_role: string | null;
  max_budget: number | null;
  spend: number;
  user_email: string | null;
  models: unknown[];
  metadata: Record<string, unknown>;
  max_parallel_requests: number | null;
  tpm_limit: number | null;
  rpm_limit: number | null;
  budget_duration: string | null;
  budget_reset_at: number | null;
  allowed_cache_controls: unknown[];
  policies: unknown[];
  model_spend: Record<string, unknown>;
  model_max_budget: Record<string, unknown>;
  created_at: number;
  updated_at: number;
}

export interface KeyRow {
  /** sha256 hex of the raw key; the raw key itself is never stored. */
  token: string;
  key_name: string;
  key_alias: string | null;
  soft_budget_cooldown: boolean;
  spend: number;
  expires: number | null;
  models: unknown[];
  aliases: Record<string, unknown>;
  config: Record<string, unknown>;
  user_id: string | null;
  team_id: string | null;
  permissions: Record<string, unknown>;
  max_parallel_requests: number | null;
  metadata: Record<string, unknown>;
  blocked: boolean | null;
  tpm_limit: number | null;
  rpm_limit: number | null;
  max_budget: number | null;
  budget_duration: string | null;
  budget_reset_at: number | null;
  allowed_cache_controls: unknown[];
  allowed_routes: unknown[];
  model_spend: Record<string, unknown>;
  model_max_budget: Record<string, unknown>;
  budget_id: string | null;
  organization_id: string | null;
  object_permission_id: string | null;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  updated_by: string | null;
  rotation_count: number;
  auto_rotate: boolean;
  rotation_interval: string | null;
  last_rotation_at: number | null;
  key_rotation_at: number | null;
}

export const USER_COLUMNS = new Set<string>([
  "user_id", "user_alias", "team_id", "sso_user_id", "organization_id", "object_permission_id", "password", "teams",
  "user_role", "max_budget", "spend", "user_email", "models", "metadata", "max_parallel_requests", "tpm_limit",
  "rpm_limit", "budget_duration", "budget_reset_at", "allowed_cache_controls", "policies", "model_spend",
  "model_max_budget", "created_at", "updated_at",
]);

export function blankUser(userId: string, now: number): UserRow {
  return {
    user_id: userId, user_alias: null, team_id: null, sso_user_id: null, organization_id: null, object_permission_id: null,
    password: null, teams: [], user_role: null, max_budget: null, spend: 0, user_email: null, models: [], metadata: {},
    max_parallel_requests: null, tpm_limit: null, rpm_limit: null, budget_duration: null, budget_reset_at: null,
    allowed_cache_controls: [], policies: [], model_spend: {}, model_max_budget: {}, created_at: now, updated_at: now,
  };
}

export function blankKey(token: string, keyName: string, now: number, createdBy: string | null): KeyRow {
  return {
    token, key_name: keyName, key_alias: null, soft_budget_cooldown: false, spend: 0, expires: null, models: [],
    aliases: {}, config: {}, user_id: null, team_id: null, permissions: {}, max_parallel_requests: null, metadata: {},
    blocked: null, tpm_limit: null, rpm_limit: null, max_budget: null, budget_duration: null, budget_reset_at: null,
    allowed_cache_controls: [], allowed_routes: [], model_spend: {}, model_max_budget: {}, budget_id: null,
    organization_id: null, object_permission_id: null, created_at: now, created_by: createdBy, updated_at: now,
    updated_by: createdBy, rotation_count: 0, auto_rotate: false, rotation_interval: null, last_rotation_at: null,
    key_rotation_at: null,
  };
}

/** The user row as JSON, password removed. */
export function userColumnsView(row: UserRow): Record<string, unknown> {
  const { password: _password, ...rest } = row;
  return {
    ...rest,
    budget_reset_at: isoOrNull(row.budget_reset_at),
    created_at: isoOrNull(row.created_at),
    updated_at: isoOrNull(row.updated_at),
  };
}

/** A Prisma row without included relations: relation fields are present and null. */
export function userRowView(row: UserRow): Record<string, unknown> {
  return {
    ...userColumnsView(row),
    litellm_organization_table: null,
    organization_memberships: null,
    invitations_created: null,
    invitations_updated: null,
    invitations_user: null,
    object_permission: null,
  };
}

/** /user/info's user_info: fetched with organization_memberships included. */
export function userInfoView(row: UserRow): Record<string, unknown> {
  return { ...userRowView(row), organization_memberships: [] };
}

/** /user/list rows: a projection without max_parallel_requests, team_id and password, plus key_count. */
export function userListView(row: UserRow, keyCount: number): Record<string, unknown> {
  const { max_parallel_requests: _m, team_id: _t, ...rest } = userColumnsView(row);
  return { ...rest, key_count: keyCount };
}

export function keyColumnsView(row: KeyRow): Record<string, unknown> {
  return {
    ...row,
    expires: isoOrNull(row.expires),
    budget_reset_at: isoOrNull(row.budget_reset_at),
    created_at: isoOrNull(row.created_at),
    updated_at: isoOrNull(row.updated_at),
    last_rotation_at: isoOrNull(row.last_rotation_at),
    key_rotation_at: isoOrNull(row.key_rotation_at),
    litellm_budget_table: null,
    litellm_organization_table: null,
    object_permission: null,
  };
}
