// litellm_team_member values: the import ID, the member's budget in state form, and equivalences.
import { isUnknown, type TfObject, type TfValue } from "../../values/value";
import type { LiteLLMTeam, TeamMemberEntry } from "../../litellm/teams";
import { budgetStateFromServer, budgetsEquivalent as sameBudget, nativeBudget as nativeBudgetOf } from "../server-rules/zero-budget";

/** The ID Terraform shows and imports: team_id:user_id. Team IDs have no ":", user IDs may. */
export function memberId(teamId: string, userId: string): string {
  return `${teamId}:${userId}`;
}

export function parseMemberId(id: string): { teamId: string; userId: string } | undefined {
  const at = id.indexOf(":");
  if (at <= 0 || at === id.length - 1) return undefined;
  return { teamId: id.slice(0, at), userId: id.slice(at + 1) };
}

/** The member's budget as LiteLLM receives it: 0 (like no value) means no budget of its own. */
export function nativeBudget(o: TfObject): number | null {
  return nativeBudgetOf(o.max_budget_in_team);
}

/** 0 and no budget are one; a $0 cap (null in state) equals only itself. */
export function budgetsEquivalent(a: TfValue, b: TfValue): boolean {
  return sameBudget(a, b);
}

/** The member's entry in the team, or undefined when the user is not (or no longer) a member. */
export function memberIn(team: LiteLLMTeam, userId: string): TeamMemberEntry | undefined {
  return team.members.find((m) => m.user_id === userId);
}

/** State for a membership as LiteLLM has it; where `base` means the same, its spelling is kept. */
export function memberStateFromServer(state: TfObject, team: LiteLLMTeam, member: TeamMemberEntry & { user_id: string }, base: TfObject | null): void {
  const budget = budgetStateFromServer(team.memberBudgets.get(member.user_id) ?? null);
  state.id = memberId(team.team_id, member.user_id);
  state.team_id = team.team_id;
  state.user_id = member.user_id;
  state.user_email = member.user_email;
  state.role = member.role;
  const mine = base ? base.max_budget_in_team : null;
  state.max_budget_in_team = mine !== undefined && !isUnknown(mine) && budgetsEquivalent(mine, budget) ? mine : budget;
}
