// Organization, organization membership and tag rows as LiteLLM's Prisma schema stores them
// (LiteLLM_OrganizationTable, LiteLLM_OrganizationMembership, LiteLLM_TagTable), and budget rows in full
// (LiteLLM_BudgetTable). Timestamps are epoch milliseconds; the *View functions render them as the API does.
// Facts and their sources: docs/litellm-api.md, "Organizations, budgets and tags".

import type { BudgetRow } from "./team-rows";
import { isoOrNull, pythonIso } from "./time";

export interface OrganizationRow {
  organization_id: string;
  organization_alias: string;
  budget_id: string;
  metadata: Record<string, unknown>;
  models: string[];
  spend: number;
  model_spend: Record<string, unknown>;
  object_permission_id: string | null;
  created_at: number;
  created_by: string;
  updated_at: number;
  updated_by: string;
}

export type OrgRole = "org_admin" | "internal_user" | "internal_user_viewer";

export interface OrgMembershipRow {
  user_id: string;
  organization_id: string;
  user_role: OrgRole;
  spend: number;
  budget_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface TagRow {
  tag_name: string;
  description: string | null;
  models: string[];
  model_info: Record<string, string>;
  spend: number;
  budget_id: string | null;
  created_at: number;
  created_by: string | null;
  updated_at: number;
}

export function blankBudget(budgetId: string, now: number, by: string): BudgetRow {
  return {
    budget_id: budgetId, max_budget: null, soft_budget: null, max_parallel_requests: null, tpm_limit: null, rpm_limit: null,
    model_max_budget: null, budget_duration: null, budget_reset_at: null, created_at: now, created_by: by, updated_at: now, updated_by: by,
  };
}

/** The whole LiteLLM_BudgetTable row, as /budget/* and relations return it. */
export function budgetRowView(row: BudgetRow): Record<string, unknown> {
  return {
    budget_id: row.budget_id,
    max_budget: row.max_budget,
    soft_budget: row.soft_budget,
    max_parallel_requests: row.max_parallel_requests,
    tpm_limit: row.tpm_limit,
    rpm_limit: row.rpm_limit,
    model_max_budget: row.model_max_budget,
    budget_duration: row.budget_duration,
    budget_reset_at: isoOrNull(row.budget_reset_at),
    created_at: pythonIso(row.created_at),
    created_by: row.created_by,
    updated_at: pythonIso(row.updated_at),
    updated_by: row.updated_by,
  };
}

export function organizationRowView(row: OrganizationRow): Record<string, unknown> {
  return {
    organization_id: row.organization_id,
    organization_alias: row.organization_alias,
    budget_id: row.budget_id,
    metadata: row.metadata,
    models: row.models,
    spend: row.spend,
    model_spend: row.model_spend,
    object_permission_id: row.object_permission_id,
    created_at: pythonIso(row.created_at),
    created_by: row.created_by,
    updated_at: pythonIso(row.updated_at),
    updated_by: row.updated_by,
  };
}

export function orgMembershipView(row: OrgMembershipRow): Record<string, unknown> {
  return {
    user_id: row.user_id,
    organization_id: row.organization_id,
    user_role: row.user_role,
    spend: row.spend,
    budget_id: row.budget_id,
    created_at: pythonIso(row.created_at),
    updated_at: pythonIso(row.updated_at),
  };
}
