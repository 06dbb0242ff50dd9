// Team rows as LiteLLM's Prisma schema stores them (LiteLLM_TeamTable, LiteLLM_TeamMembership,
// LiteLLM_BudgetTable), timestamps as epoch milliseconds; the *View functions render them as the API shows them.
// Facts and their sources: docs/teams-api.md.

import { isoOrNull } from "./time";

/** One entry of members_with_roles, in Member's field order (user_id, user_email, role). */
export interface TeamMember {
  user_id: string | null;
  user_email: string | null;
  role: "admin" | "user";
}

export interface TeamRow {
  team_id: string;
  team_alias: string | null;
  organization_id: string | null;
  object_permission_id: string | null;
  admins: string[];
  members: string[];
  members_with_roles: TeamMember[];
  metadata: Record<string, unknown>;
  max_budget: number | null;
  soft_budget: number | null;
  spend: number;
  models: string[];
  max_parallel_requests: number | null;
  tpm_limit: number | null;
  rpm_limit: number | null;
  budget_duration: string | null;
  budget_reset_at: number | null;
  blocked: boolean;
  created_at: number;
  updated_at: number;
  model_spend: Record<string, unknown>;
  model_max_budget: Record<string, unknown>;
  router_settings: Record<string, unknown> | null;
  team_member_permissions: string[];
  access_group_ids: string[];
  policies: string[];
  model_id: number | null;
}

/** A member's budget within a team (LiteLLM_BudgetTable, the columns the emulator uses). */
export interface BudgetRow {
  budget_id: string;
  max_budget: number | null;
  soft_budget: number | null;
  max_parallel_requests: number | null;
  tpm_limit: number | null;
  rpm_limit: number | null;
  model_max_budget: Record<string, unknown> | null;
  budget_duration: string | null;
  budget_reset_at: number | null;
  created_at: number;
  created_by: string;
  updated_at: number;
  updated_by: string;
}

/** LiteLLM_TeamMembership: exists only for members with a budget (add_new_member creates it with one). */
export interface MembershipRow {
  user_id: string;
  team_id: string;
  spend: number;
  budget_id: string | null;
}

export function blankTeam(teamId: string, now: number): TeamRow {
  return {
    team_id: teamId, team_alias: null, organization_id: null, object_permission_id: null, admins: [], members: [],
    members_with_roles: [], metadata: {}, max_budget: null, soft_budget: null, spend: 0, models: [], max_parallel_requests: null,
    tpm_limit: null, rpm_limit: null, budget_duration: null, budget_reset_at: null, blocked: false, created_at: now, updated_at: now,
    model_spend: {}, model_max_budget: {}, router_settings: {}, team_member_permissions: [], access_group_ids: [], policies: [],
    model_id: null,
  };
}

/** The team row as Prisma returns it, with the litellm_model_table relation included (always null here). */
export function teamRowView(row: TeamRow): Record<string, unknown> {
  return {
    ...row,
    members_with_roles: row.members_with_roles.map((m) => ({ ...m })),
    budget_reset_at: isoOrNull(row.budget_reset_at),
    created_at: isoOrNull(row.created_at),
    updated_at: isoOrNull(row.updated_at),
    litellm_model_table: null,
  };
}

/** What /team/info adds from other tables: the model aliases row and the members' default budget row. */
export interface TeamRelations {
  modelTable?: { id: number; model_aliases: Record<string, string> };
  memberBudget?: BudgetRow;
}

/** /team/info's team_info (TeamInfoResponseObjectTeamTable): the row plus its model table and the team-wide member budget. */
export function teamInfoView(row: TeamRow, relations: TeamRelations = {}): Record<string, unknown> {
  const { litellm_model_table: _model, ...rest } = teamRowView(row);
  return {
    ...rest,
    litellm_model_table: relations.modelTable ? { ...relations.modelTable, model_aliases: { ...relations.modelTable.model_aliases } } : null,
    object_permission: null,
    team_member_budget_table: relations.memberBudget ? budgetView(relations.memberBudget) : null,
  };
}

/** LiteLLM_BudgetTable as LiteLLM_TeamMembership's litellm_budget_table shows it (the pydantic subset). */
export function budgetView(row: BudgetRow): Record<string, unknown> {
  return {
    budget_id: row.budget_id,
    soft_budget: row.soft_budget,
    max_budget: row.max_budget,
    max_parallel_requests: row.max_parallel_requests,
    tpm_limit: row.tpm_limit,
    rpm_limit: row.rpm_limit,
    model_max_budget: row.model_max_budget,
    budget_duration: row.budget_duration,
  };
}

export function membershipView(row: MembershipRow, budget: BudgetRow | undefined): Record<string, unknown> {
  return { user_id: row.user_id, team_id: row.team_id, budget_id: row.budget_id, spend: row.spend, litellm_budget_table: budget ? budgetView(budget) : null };
}
