// The request models of the endpoints the emulator serves (reference §2, §4, §5, §9), as field tables.
// Field order follows LiteLLM's models, because some errors name the first offending field.

import type { ValidationIssue } from "../errors";
import { bool, dict, float, int, list, str, stringLength, type Coercer } from "./coerce";
import type { ModelSpec } from "./model";
import { userRole } from "./role";

/** max_budget has a before-validator that turns "" into None. */
const budget: Coercer = (input) => (input === "" ? { ok: true, value: null } : float(input));

const f = (coerce: Coercer) => ({ coerce });

/** GenerateRequestBase; `since2026` fields are unknown (so ignored) to a legacy proxy. */
function generateRequestBase(legacy: boolean): ModelSpec {
  return {
    key_alias: f(str),
    duration: f(str),
    models: f(list),
    spend: f(float),
    organization_id: f(str),
    rpm_limit_type: f(str),
    tpm_limit_type: f(str),
    enforced_params: f(list),
    max_budget: f(budget),
    user_id: f(str),
    team_id: f(str),
    max_parallel_requests: f(int),
    metadata: f(dict),
    tpm_limit: f(int),
    rpm_limit: f(int),
    budget_duration: f(str),
    allowed_cache_controls: f(list),
    config: f(dict),
    permissions: f(dict),
    model_max_budget: f(dict),
    model_rpm_limit: f(dict),
    model_tpm_limit: f(dict),
    guardrails: f(list),
    ...(legacy ? {} : { policies: f(list) }),
    prompts: f(list),
    blocked: f(bool),
    aliases: f(dict),
    object_permission: f(dict),
    ...(legacy ? {} : { agent_id: f(str) }),
  };
}

export function newUserRequest(legacy: boolean): ModelSpec {
  return {
    ...generateRequestBase(legacy),
    user_email: f(str),
    user_alias: f(str),
    user_role: f(userRole),
    teams: f(list),
    auto_create_key: { coerce: bool, nullable: false },
    send_invite_email: f(bool),
    sso_user_id: f(str),
    organizations: f(list),
    ...(legacy ? {} : { password: f(stringLength(8, 128)) }),
  };
}

export function updateUserRequest(legacy: boolean): ModelSpec {
  return {
    ...generateRequestBase(legacy),
    password: f(stringLength(8, 128)),
    user_email: f(str),
    user_alias: f(str),
    user_role: f(userRole),
    sso_user_id: f(str),
    send_invite_email: f(bool),
  };
}

/** UpdateUserRequest's before-validator. */
export function requireUserIdentity(raw: Record<string, unknown>): ValidationIssue | undefined {
  if ((raw.user_id ?? null) !== null || (raw.user_email ?? null) !== null) return undefined;
  return { type: "value_error", loc: ["body"], msg: "Value error, Either user id or user email must be provided", input: raw, ctx: { error: {} } };
}

export const deleteUserRequest: ModelSpec = {
  user_ids: { coerce: list, items: str, nullable: false, required: true },
};

export function generateKeyRequest(legacy: boolean): ModelSpec {
  return {
    ...generateRequestBase(legacy),
    key: f(str),
    budget_id: f(str),
    soft_budget: f(float),
    tags: f(list),
    allowed_routes: f(list),
    send_invite_email: f(bool),
  };
}

export function updateKeyRequest(legacy: boolean): ModelSpec {
  return {
    ...generateRequestBase(legacy),
    key: { coerce: str, nullable: false, required: true },
    budget_id: f(str),
    tags: f(list),
    allowed_routes: f(list),
  };
}

/** RegenerateKeyRequest: a GenerateKeyRequest plus the key to rotate and an optional new secret. */
export function regenerateKeyRequest(legacy: boolean): ModelSpec {
  return { ...generateKeyRequest(legacy), new_key: f(str), grace_period: f(str) };
}

/** BlockKeyRequest. */
export const blockKeyRequest: ModelSpec = {
  key: { coerce: str, nullable: false, required: true },
}

export const deleteKeyRequest: ModelSpec = {
  keys: { coerce: list, items: str },
  key_aliases: { coerce: list, items: str },
};

/** KeyRequest's before-validator (wording inferred from the model; the reference only says "422"). */
export function requireKeysOrAliases(raw: Record<string, unknown>): ValidationIssue | undefined {
  if (isFilled(raw.keys) || isFilled(raw.key_aliases)) return undefined;
  return { type: "value_error", loc: ["body"], msg: "Value error, At least one of 'keys' or 'key_aliases' must be provided.", input: raw, ctx: { error: {} } };
}

function isFilled(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === "" || value === 0) return false;
  return !(Array.isArray(value) && value.length === 0);
}
