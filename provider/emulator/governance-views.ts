// Organization and tag views that join other rows of the store (budgets, memberships, teams).

import { budgetRowView, orgMembershipView, organizationRowView, type OrganizationRow, type TagRow } from "./governance-rows";
import type { EmulatorStore } from "./store";
import { pythonIso } from "./time";

/** LiteLLM_OrganizationTableWithMembers: the row with its budget, memberships (without budgets) and teams. */
export function organizationWithMembersView(store: EmulatorStore, row: OrganizationRow): Record<string, unknown> {
  const budget = store.budgets.get(row.budget_id);
  return {
    ...organizationRowView(row),
    litellm_budget_table: budget ? budgetRowView(budget) : null,
    members: store.membershipsOfOrganization(row.organization_id).map(orgMembershipView),
    teams: [...store.teams.values()].filter((t) => t.organization_id === row.organization_id).map((t) => ({ team_id: t.team_id, team_alias: t.team_alias, organization_id: t.organization_id })),
    object_permission: null,
  };
}

/** TagConfig as /tag/new, /tag/update, /tag/info and /tag/list show it. */
export function tagView(store: EmulatorStore, row: TagRow, withBudget: boolean): Record<string, unknown> {
  const view: Record<string, unknown> = {
    name: row.tag_name,
    description: row.description,
    models: row.models,
    model_info: row.model_info,
    created_at: pythonIso(row.created_at),
    updated_at: pythonIso(row.updated_at),
    created_by: row.created_by,
  };
  const budget = row.budget_id === null ? undefined : store.budgets.get(row.budget_id);
  if (withBudget && budget) view.litellm_budget_table = budgetRowView(budget);
  return view;
}
