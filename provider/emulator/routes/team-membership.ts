// Joining and leaving teams, shared by /team/new, /team/member_add, /team/member_delete, /team/delete and
// /user/new: members_with_roles on the team, the user's `teams` list, and the member's budget row.

import { randomUUID } from "node:crypto";
import { blankUser, type UserRow } from "../rows";
import type { BudgetRow, MembershipRow, TeamMember, TeamRow } from "../team-rows";
import { pythonStringRepr } from "../python-repr";
import type { RouteContext } from "./context";

/** Why add_new_member failed; the route turns it into its 500. */
export class MemberAddError extends Error {
  override readonly name = "MemberAddError";
}

export interface AddedMember {
  user: UserRow;
  membership?: MembershipRow;
  /** The entry as it goes into members_with_roles (user_id filled in for an email-only member). */
  member: TeamMember;
}

/**
 * add_new_member: an unknown user_id or email gets a new internal_user row; a known user gets the team in
 * `teams` once. A budget in the team makes a budget row and the membership row that points at it.
 */
export function addMember(ctx: RouteContext, team: TeamRow, member: TeamMember, maxBudgetInTeam: number | null): AddedMember {
  const now = ctx.now();
  let user: UserRow;
  if (member.user_id !== null) {
    const existing = ctx.store.getUser(member.user_id);
    user = existing ? joinTeam(existing, team.team_id, now) : newMemberUser(member.user_id, null, team.team_id, now);
  } else {
    const sameEmail = [...ctx.store.users.values()].filter((u) => u.user_email === member.user_email);
    if (sameEmail.length > 1) throw new MemberAddError(`400: {'error': "Multiple users with this email found in db. Please use 'user_id' instead."}`);
    user = sameEmail[0] ? joinTeam(sameEmail[0], team.team_id, now) : newMemberUser(ctx.newUserId(), member.user_email, team.team_id, now);
  }
  ctx.store.putUser(user);
  const added: AddedMember = { user, member: { ...member, user_id: member.user_id ?? user.user_id } };
  if (maxBudgetInTeam !== null) added.membership = setMemberBudget(ctx, team.team_id, user.user_id, { max_budget: maxBudgetInTeam });
  else {
    // The team's default member budget (metadata.team_member_budget_id) is copied onto a member without one.
    const defaultId = team.metadata.team_member_budget_id;
    const template = typeof defaultId === "string" ? ctx.store.budgets.get(defaultId) : undefined;
    if (template) added.membership = setMemberBudget(ctx, team.team_id, user.user_id, { max_budget: template.max_budget, tpm_limit: template.tpm_limit, rpm_limit: template.rpm_limit });
  }
  return added;
}

function joinTeam(user: UserRow, teamId: string, now: number): UserRow {
  // The 2026 code appends only when the team is absent, and the write stamps updated_at.
  return user.teams.includes(teamId) ? user : { ...user, teams: [...user.teams, teamId], updated_at: now };
}

function newMemberUser(userId: string, email: string | null, teamId: string, now: number): UserRow {
  return { ...blankUser(userId, now), user_email: email, user_role: "internal_user", teams: [teamId] };
}

/** Creates or changes the member's budget row and points the membership at it. */
export function setMemberBudget(ctx: RouteContext, teamId: string, userId: string, limits: Partial<Pick<BudgetRow, "max_budget" | "tpm_limit" | "rpm_limit">>): MembershipRow {
  const now = ctx.now();
  const membership = ctx.store.getMembership(teamId, userId) ?? { user_id: userId, team_id: teamId, spend: 0, budget_id: null };
  const existing = membership.budget_id === null ? undefined : ctx.store.budgets.get(membership.budget_id);
  const budget: BudgetRow = existing
    ? { ...existing, ...limits, updated_at: now, updated_by: ctx.caller.userId }
    : { ...blankBudget(now, ctx.caller.userId), ...limits };
  ctx.store.budgets.set(budget.budget_id, budget);
  const next = { ...membership, budget_id: budget.budget_id };
  ctx.store.putMembership(next);
  return next;
}

/** Disconnects the member's budget: the membership stays, without a budget. */
export function clearMemberBudget(ctx: RouteContext, teamId: string, userId: string): void {
  const membership = ctx.store.getMembership(teamId, userId);
  if (!membership || membership.budget_id === null) return;
  ctx.store.budgets.delete(membership.budget_id);
  ctx.store.putMembership({ ...membership, budget_id: null });
}

function blankBudget(now: number, by: string): BudgetRow {
  return {
    budget_id: randomUUID(), max_budget: null, soft_budget: null, max_parallel_requests: null, tpm_limit: null, rpm_limit: null,
    model_max_budget: null, budget_duration: null, budget_reset_at: null, created_at: now, created_by: by, updated_at: now, updated_by: by,
  };
}

/**
 * team_member_delete's cleanup, after the caller checked the member is in the team: the entry leaves
 * members_with_roles, the team leaves the users' `teams`, and their membership rows go.
 */
export function removeMember(ctx: RouteContext, team: TeamRow, who: { user_id: string | null; user_email: string | null }): void {
  const now = ctx.now();
  ctx.store.teams.set(team.team_id, { ...team, members_with_roles: team.members_with_roles.filter((m) => !matches(m, who)), updated_at: now });
  const users =
    who.user_id !== null
      ? [ctx.store.getUser(who.user_id)].filter((u): u is UserRow => u !== undefined)
      : [...ctx.store.users.values()].filter((u) => u.user_email === who.user_email);
  for (const user of users) {
    if (user.teams.includes(team.team_id)) ctx.store.putUser({ ...user, teams: user.teams.filter((t) => t !== team.team_id), updated_at: now });
  }
  const ids = new Set(users.map((u) => u.user_id));
  if (who.user_id !== null) ids.add(who.user_id);
  for (const id of ids) ctx.store.deleteMembership(team.team_id, id);
}

/** _cleanup_members_with_roles: a member matches by user_id, or else by user_email. */
export function matches(m: TeamMember, who: { user_id: string | null; user_email: string | null }): boolean {
  if (who.user_id !== null && m.user_id !== null && who.user_id === m.user_id) return true;
  return who.user_email !== null && m.user_email !== null && who.user_email === m.user_email;
}

/** Python's repr of a list of Member models, as LiteLLM's f-strings print members_with_roles. */
export function membersRepr(members: TeamMember[]): string {
  const value = (v: string | null) => (v === null ? "None" : pythonStringRepr(v));
  return `[${members.map((m) => `Member(user_id=${value(m.user_id)}, user_email=${value(m.user_email)}, role=${pythonStringRepr(m.role)})`).join(", ")}]`;
}
