// The emulator's in-memory database. Maps keep insertion order, which makes listings deterministic;
// indexes keep the 500-user benchmark linear.

import type { CredentialRow, ModelRow } from "./model-rows";
import type { KeyRow, UserRow } from "./rows";
import type { BudgetRow, MembershipRow, TeamRow } from "./team-rows";
import type { OrganizationRow, OrgMembershipRow, TagRow } from "./governance-rows";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class EmulatorStore {
  /** user_id → row. Mutate through the methods so the indexes stay right. */
  readonly users = new Map<string, UserRow>();
  /** token (sha256 of the raw key) → row. */
  readonly keys = new Map<string, KeyRow>();
  /** team_id → row. */
  readonly teams = new Map<string, TeamRow>();
  /** membershipKey(team_id, user_id) → row. */
  readonly memberships = new Map<string, MembershipRow>();
  /** budget_id → row (budgets of their own, and those of team members, organizations and tags). */
  readonly budgets = new Map<string, BudgetRow>();
  /** organization_id → row. */
  readonly organizations = new Map<string, OrganizationRow>();
  /** membershipKey(organization_id, user_id) → row. */
  readonly orgMemberships = new Map<string, OrgMembershipRow>();
  /** tag_name → row. */
  readonly tags = new Map<string, TagRow>();
  /** model_id → deployment, in creation order. */
  readonly models = new Map<string, ModelRow>();
  /** credential_name → credential. */
  readonly credentials = new Map<string, CredentialRow>();
  /** LiteLLM_ModelTable id → row: a team's model_aliases. */
  readonly modelTables = new Map<number, { id: number; model_aliases: Record<string, string> }>();
  private readonly byEmail = new Map<string, Set<string>>();
  private readonly keysByUser = new Map<string, Set<string>>();
  private readonly insertOrder = new Map<string, number>();
  private sequence = 0;

  getUser(userId: string): UserRow | undefined {
    return this.users.get(userId);
  }

  /** Users whose email matches trimmed and case-insensitively, oldest first. */
  findUsersByEmail(email: string): UserRow[] {
    const ids = this.byEmail.get(normaliseEmail(email));
    return ids ? [...ids].map((id) => this.users.get(id)!) : [];
  }

  putUser(row: UserRow): void {
    const previous = this.users.get(row.user_id);
    if (previous?.user_email != null) this.byEmail.get(normaliseEmail(previous.user_email))?.delete(row.user_id);
    if (!previous) this.insertOrder.set(row.user_id, this.sequence++);
    this.users.set(row.user_id, row);
    if (row.user_email != null) {
      const key = normaliseEmail(row.user_email);
      const ids = this.byEmail.get(key) ?? new Set<string>();
      ids.add(row.user_id);
      this.byEmail.set(key, ids);
    }
  }

  /** Deletes the user, every key whose user_id matches, and the user's places in teams. */
  deleteUser(userId: string): boolean {
    const row = this.users.get(userId);
    if (!row) return false;
    for (const token of [...(this.keysByUser.get(userId) ?? [])]) this.deleteKey(token);
    for (const team of this.teams.values()) {
      team.members_with_roles = team.members_with_roles.filter((m) => m.user_id !== userId);
      this.deleteMembership(team.team_id, userId);
    }
    for (const m of [...this.orgMemberships.values()]) if (m.user_id === userId) this.deleteOrgMembership(m.organization_id, userId);
    if (row.user_email != null) this.byEmail.get(normaliseEmail(row.user_email))?.delete(userId);
    this.users.delete(userId);
    this.insertOrder.delete(userId);
    return true;
  }

  /** A tie-breaker for rows created in the same millisecond. */
  insertionIndex(userId: string): number {
    return this.insertOrder.get(userId) ?? -1;
  }

  getKey(token: string): KeyRow | undefined {
    return this.keys.get(token);
  }

  keysOfUser(userId: string): KeyRow[] {
    return [...(this.keysByUser.get(userId) ?? [])].map((token) => this.keys.get(token)!);
  }

  findKeyByAlias(alias: string): KeyRow | undefined {
    for (const row of this.keys.values()) if (row.key_alias === alias) return row;
    return undefined;
  }

  putKey(row: KeyRow): void {
    const previous = this.keys.get(row.token);
    if (previous?.user_id != null) this.keysByUser.get(previous.user_id)?.delete(row.token);
    this.keys.set(row.token, row);
    if (row.user_id != null) {
      const tokens = this.keysByUser.get(row.user_id) ?? new Set<string>();
      tokens.add(row.token);
      this.keysByUser.set(row.user_id, tokens);
    }
  }

  deleteKey(token: string): boolean {
    const row = this.keys.get(token);
    if (!row) return false;
    if (row.user_id != null) this.keysByUser.get(row.user_id)?.delete(token);
    this.keys.delete(token);
    return true;
  }

  getTeam(teamId: string): TeamRow | undefined {
    return this.teams.get(teamId);
  }

  keysOfTeam(teamId: string): KeyRow[] {
    return [...this.keys.values()].filter((k) => k.team_id === teamId);
  }

  getMembership(teamId: string, userId: string): MembershipRow | undefined {
    return this.memberships.get(membershipKey(teamId, userId));
  }

  membershipsOfTeam(teamId: string): MembershipRow[] {
    return [...this.memberships.values()].filter((m) => m.team_id === teamId);
  }

  putMembership(row: MembershipRow): void {
    this.memberships.set(membershipKey(row.team_id, row.user_id), row);
  }

  /** Removes the membership row and the budget it owned. */
  deleteMembership(teamId: string, userId: string): void {
    const row = this.memberships.get(membershipKey(teamId, userId));
    if (!row) return;
    if (row.budget_id !== null) this.budgets.delete(row.budget_id);
    this.memberships.delete(membershipKey(teamId, userId));
  }

  membershipsOfOrganization(organizationId: string): OrgMembershipRow[] {
    return [...this.orgMemberships.values()].filter((m) => m.organization_id === organizationId);
  }

  getOrgMembership(organizationId: string, userId: string): OrgMembershipRow | undefined {
    return this.orgMemberships.get(membershipKey(organizationId, userId));
  }

  putOrgMembership(row: OrgMembershipRow): void {
    this.orgMemberships.set(membershipKey(row.organization_id, row.user_id), row);
  }

  deleteOrgMembership(organizationId: string, userId: string): OrgMembershipRow | undefined {
    const row = this.getOrgMembership(organizationId, userId);
    this.orgMemberships.delete(membershipKey(organizationId, userId));
    return row;
  }

  clear(): void {
    this.organizations.clear();
    this.orgMemberships.clear();
    this.tags.clear();
    this.users.clear();
    this.keys.clear();
    this.teams.clear();
    this.memberships.clear();
    this.budgets.clear();
    this.models.clear();
    this.credentials.clear();
    this.modelTables.clear();
    this.byEmail.clear();
    this.keysByUser.clear();
    this.insertOrder.clear();
  }
}

function membershipKey(teamId: string, userId: string): string {
  return `${teamId}\u0000${userId}`;
}
