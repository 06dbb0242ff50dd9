// The request models of the /team endpoints (docs/teams-api.md), as field tables in LiteLLM's field order.

import type { ValidationIssue } from "../errors";
import { bool, dict, float, int, list, oneOrMany, str, type Coercer, type Coerced } from "./coerce";
import type { ModelSpec } from "./model";

const f = (coerce: Coercer) => ({ coerce });
const required = (coerce: Coercer) => ({ coerce, nullable: false, required: true });

const MEMBER_ROLES = "'admin' or 'user'";
const LIMIT_TYPES = "'guaranteed_throughput', 'best_effort_throughput' or 'dynamic'";

/** Literal["guaranteed_throughput", "best_effort_throughput", "dynamic"]. */
const limitType: Coercer = (input) =>
  input === "guaranteed_throughput" || input === "best_effort_throughput" || input === "dynamic"
    ? { ok: true, value: input }
    : { ok: false, issue: { type: "literal_error", msg: `Input should be ${LIMIT_TYPES}`, input, ctx: { expected: LIMIT_TYPES } } };

/** Literal["admin", "user"]. */
export const memberRole: Coercer = (input) =>
  input === "admin" || input === "user"
    ? { ok: true, value: input }
    : { ok: false, issue: { type: "literal_error", msg: `Input should be ${MEMBER_ROLES}`, input, ctx: { expected: MEMBER_ROLES } } };

/**
 * Member: a dict with user_id and/or user_email and a role. The before-validator runs first, so a member
 * without either id answers its value_error (and nothing about role).
 */
export const member: Coercer = (input): Coerced => {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return { ok: false, issue: { type: "value_error", msg: "Value error, input needs to be a dictionary", input, ctx: { error: {} } } };
  }
  const raw = input as Record<string, unknown>;
  if ((raw.user_id ?? null) === null && (raw.user_email ?? null) === null) {
    return { ok: false, issue: { type: "value_error", msg: "Value error, Either user id or user email must be provided", input, ctx: { error: {} } } };
  }
  for (const field of ["user_id", "user_email"] as const) {
    if (raw[field] !== undefined && raw[field] !== null && typeof raw[field] !== "string") {
      return { ok: false, issue: { type: "string_type", msg: "Input should be a valid string", input: raw[field] } };
    }
  }
  if (!("role" in raw)) return { ok: false, issue: { type: "missing", msg: "Field required", input } };
  const role = memberRole(raw.role);
  if (!role.ok) return role;
  return { ok: true, value: { user_id: raw.user_id ?? null, user_email: raw.user_email ?? null, role: role.value } };
};

/** Union[List[Member], Member]. */
const memberOrMembers = oneOrMany(member);

/** The fields NewTeamRequest and UpdateTeamRequest both declare last, in LiteLLM's order. */
const limitTypesPromptsAndMemberLimits: ModelSpec = {
  tpm_limit_type: f(limitType),
  rpm_limit_type: f(limitType),
  prompts: f(list),
  team_member_budget_duration: f(str),
  team_member_rpm_limit: f(int),
  team_member_tpm_limit: f(int),
};

/** TeamBase plus NewTeamRequest's own fields; `since2026` fields are unknown to a legacy proxy. */
export function newTeamRequest(legacy: boolean): ModelSpec {
  return {
    team_alias: f(str),
    team_id: f(str),
    organization_id: f(str),
    admins: f(list),
    members: f(list),
    members_with_roles: { coerce: list, items: member, nullable: false },
    team_member_permissions: f(list),
    metadata: f(dict),
    tpm_limit: f(int),
    rpm_limit: f(int),
    ...(legacy ? {} : { tpd_limit: f(int) }),
    max_budget: f(float),
    soft_budget: f(float),
    budget_duration: f(str),
    models: { coerce: list, nullable: false },
    blocked: { coerce: bool, nullable: false },
    model_aliases: f(dict),
    tags: f(list),
    guardrails: f(list),
    object_permission: f(dict),
    team_member_budget: f(float),
    team_member_key_duration: f(str),
    router_settings: f(dict),
    ...limitTypesPromptsAndMemberLimits,
  };
}

export const updateTeamRequest: ModelSpec = {
  team_id: required(str),
  team_alias: f(str),
  organization_id: f(str),
  metadata: f(dict),
  tpm_limit: f(int),
  rpm_limit: f(int),
  max_budget: f(float),
  models: f(list),
  blocked: f(bool),
  budget_duration: f(str),
  tags: f(list),
  model_aliases: f(dict),
  guardrails: f(list),
  object_permission: f(dict),
  team_member_budget: f(float),
  team_member_key_duration: f(str),
  soft_budget: f(float),
  team_member_permissions: f(list),
  router_settings: f(dict),
  ...limitTypesPromptsAndMemberLimits,
};

export const deleteTeamRequest: ModelSpec = {
  team_ids: { coerce: list, items: str, nullable: false, required: true },
};

export const teamMemberAddRequest: ModelSpec = {
  member: required(memberOrMembers),
  team_id: required(str),
  max_budget_in_team: f(float),
};

export const teamMemberDeleteRequest: ModelSpec = {
  user_id: f(str),
  user_email: f(str),
  team_id: required(str),
};

export function teamMemberUpdateRequest(legacy: boolean): ModelSpec {
  return {
    ...teamMemberDeleteRequest,
    max_budget_in_team: f(float),
    role: f(memberRole),
    ...(legacy ? {} : { tpm_limit: f(int), rpm_limit: f(int) }),
  };
}

/** MemberDeleteRequest's before-validator, shared by /team/member_delete and /team/member_update. */
export function requireMemberIdentity(raw: Record<string, unknown>): ValidationIssue | undefined {
  if ((raw.user_id ?? null) !== null || (raw.user_email ?? null) !== null) return undefined;
  return { type: "value_error", loc: ["body"], msg: "Value error, Either user id or user email must be provided", input: raw, ctx: { error: {} } };
}
