// The request models of the /budget, /organization and /tag endpoints (docs/litellm-api.md), as field tables.

import type { ValidationIssue } from "../errors";
import { dict, float, int, list, oneOrMany, str, type Coercer, type Coerced } from "./coerce";
import type { ModelSpec } from "./model";

const f = (coerce: Coercer) => ({ coerce });
const required = (coerce: Coercer) => ({ coerce, nullable: false, required: true });

/** The budget columns every budget-carrying request has (BudgetNewRequest's fields). */
export const budgetFields: ModelSpec = {
  max_budget: f(float),
  soft_budget: f(float),
  max_parallel_requests: f(int),
  tpm_limit: f(int),
  rpm_limit: f(int),
  budget_duration: f(str),
  model_max_budget: f(dict),
};
export const budgetColumns = Object.keys(budgetFields);

export const budgetNewRequest: ModelSpec = { budget_id: f(str), ...budgetFields, budget_reset_at: f(str) };
export const budgetInfoRequest: ModelSpec = { budgets: { coerce: list, items: str, nullable: false, required: true } };
export const budgetDeleteRequest: ModelSpec = { id: required(str) };

const ORG_ROLES = "'org_admin', 'internal_user' or 'internal_user_viewer'";
export const orgRole: Coercer = (input) =>
  input === "org_admin" || input === "internal_user" || input === "internal_user_viewer"
    ? { ok: true, value: input }
    : { ok: false, issue: { type: "literal_error", msg: `Input should be ${ORG_ROLES}`, input, ctx: { expected: ORG_ROLES } } };

/** OrgMember: a role and user_id and/or user_email. */
const orgMember: Coercer = (input): Coerced => {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return { ok: false, issue: { type: "model_type", msg: "Input should be a valid dictionary or instance of OrgMember", input } };
  }
  const raw = input as Record<string, unknown>;
  if ((raw.user_id ?? null) === null && (raw.user_email ?? null) === null) {
    return { ok: false, issue: { type: "value_error", msg: "Value error, Either user id or user email must be provided", input, ctx: { error: {} } } };
  }
  const role = orgRole(raw.role);
  if (!role.ok) return role;
  return { ok: true, value: { user_id: raw.user_id ?? null, user_email: raw.user_email ?? null, role: role.value } };
};

const orgMemberOrMembers = oneOrMany(orgMember);

export const newOrganizationRequest: ModelSpec = {
  organization_alias: required(str),
  organization_id: f(str),
  models: { coerce: list, nullable: false },
  budget_id: f(str),
  metadata: f(dict),
  model_rpm_limit: f(dict),
  model_tpm_limit: f(dict),
  object_permission: f(dict),
  ...budgetFields,
};

export const updateOrganizationRequest: ModelSpec = {
  organization_id: required(str),
  organization_alias: f(str),
  models: f(list),
  budget_id: f(str),
  metadata: f(dict),
  object_permission: f(dict),
  ...budgetFields,
};

export const deleteOrganizationRequest: ModelSpec = { organization_ids: { coerce: list, items: str, nullable: false, required: true } };

export const orgMemberAddRequest: ModelSpec = {
  organization_id: required(str),
  member: required(orgMemberOrMembers),
  max_budget_in_organization: f(float),
};

export const orgMemberUpdateRequest: ModelSpec = {
  organization_id: required(str),
  user_id: f(str),
  user_email: f(str),
  role: f(orgRole),
  max_budget_in_organization: f(float),
};

export const orgMemberDeleteRequest: ModelSpec = { organization_id: required(str), user_id: f(str), user_email: f(str) };

/** The member-identity before-validator of member_update and member_delete. */
export function requireOrgMemberIdentity(raw: Record<string, unknown>): ValidationIssue | undefined {
  if ((raw.user_id ?? null) !== null || (raw.user_email ?? null) !== null) return undefined;
  return { type: "value_error", loc: ["body"], msg: "Value error, Either user id or user email must be provided", input: raw, ctx: { error: {} } };
}

export const tagNewRequest: ModelSpec = { name: required(str), description: f(str), models: f(list), budget_id: f(str), ...budgetFields };
export const tagInfoRequest: ModelSpec = { names: { coerce: list, items: str, nullable: false, required: true } };
export const tagDeleteRequest: ModelSpec = { name: required(str) };
