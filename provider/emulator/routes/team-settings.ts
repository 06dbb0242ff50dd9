// The /team/new and /team/update fields that are not plain columns (docs/teams-api.md, "Team settings"):
// - model_aliases live in a LiteLLM_ModelTable row the team points at (model_id); /team/info shows it as
//   litellm_model_table.
// - team_member_budget, team_member_budget_duration, team_member_rpm_limit and team_member_tpm_limit live in
//   one LiteLLM_BudgetTable row whose id the team keeps in metadata.team_member_budget_id; /team/info shows it as
//   team_member_budget_table. A field sent as null clears it in that row.
// - tpm_limit_type, rpm_limit_type and prompts sent as fields are kept in metadata, where LiteLLM's rate limiter
//   also reads them; team_member_key_duration too, and it needs an enterprise licence
//   (LiteLLM_ManagementEndpoint_MetadataFields_Premium).
// - team_member_budget_id survives a metadata replacement: it is LiteLLM's link, not the caller's data.

import { Reply, type EmuResponse } from "../http-types";
import type { BudgetRow, TeamRow } from "../team-rows";
import type { ModelValues } from "../validation/model";
import type { RouteContext } from "./context";
import { ENTERPRISE_ONLY_MESSAGE } from "./user-new";

const METADATA_HELD = ["tpm_limit_type", "rpm_limit_type", "prompts", "team_member_key_duration"] as const;
const MEMBER_BUDGET_FIELDS: Record<string, keyof BudgetRow> = {
  team_member_budget: "max_budget",
  team_member_budget_duration: "budget_duration",
  team_member_rpm_limit: "rpm_limit",
  team_member_tpm_limit: "tpm_limit",
};

/** Applies the settings in `body` to `team` (a copy is returned); `premiumError` renders the licence refusal. */
export function applyTeamSettings(ctx: RouteContext, team: TeamRow, body: ModelValues, premiumError: (message: string) => EmuResponse): TeamRow {
  const next: TeamRow = { ...team, metadata: { ...team.metadata } };
  const budgetLink = team.metadata.team_member_budget_id;
  if (body.metadata !== undefined && body.metadata !== null && budgetLink !== undefined) next.metadata.team_member_budget_id = budgetLink;
  if (body.team_member_key_duration != null && !ctx.enterprise) throw new Reply(premiumError(ENTERPRISE_ONLY_MESSAGE));
  for (const field of METADATA_HELD) if (body[field] !== undefined && body[field] !== null) next.metadata[field] = body[field];
  if (body.model_aliases !== undefined) setModelAliases(ctx, next, (body.model_aliases ?? {}) as Record<string, string>);
  if (Object.keys(MEMBER_BUDGET_FIELDS).some((f) => body[f] !== undefined)) upsertMemberBudget(ctx, next, body);
  return next;
}

function setModelAliases(ctx: RouteContext, team: TeamRow, aliases: Record<string, string>): void {
  if (Object.keys(aliases).length === 0) {
    team.model_id = null;
    return;
  }
  const id = ctx.store.modelTables.size + 1;
  ctx.store.modelTables.set(id, { id, model_aliases: { ...aliases } });
  team.model_id = id;
}

function upsertMemberBudget(ctx: RouteContext, team: TeamRow, body: ModelValues): void {
  const now = ctx.now();
  const id = typeof team.metadata.team_member_budget_id === "string" ? team.metadata.team_member_budget_id : ctx.newUserId();
  const existing = ctx.store.budgets.get(id);
  const row: BudgetRow = existing ?? {
    budget_id: id, max_budget: null, soft_budget: null, max_parallel_requests: null, tpm_limit: null, rpm_limit: null,
    model_max_budget: null, budget_duration: null, budget_reset_at: null, created_at: now, created_by: ctx.caller.userId,
    updated_at: now, updated_by: ctx.caller.userId,
  };
  const updated = { ...row, updated_at: now } as unknown as Record<string, unknown>;
  for (const [field, column] of Object.entries(MEMBER_BUDGET_FIELDS)) if (body[field] !== undefined) updated[column] = body[field];
  ctx.store.budgets.set(id, updated as unknown as BudgetRow);
  team.metadata.team_member_budget_id = id;
}
