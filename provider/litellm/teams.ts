// LiteLLM's /team endpoints: teams and their members (docs/teams-api.md). Calls go through the client's send(),
// so they share its retries, timeouts, TLS and scrubbing. Decisions are made on status codes and on what a
// re-read shows, never on message text.
import { isLiteLLMError } from "./errors";
import { expectObject, malformed, num, str } from "./answers";
import type { HttpResult } from "./http";
import type { Transport } from "./transport";

/** Team columns this provider writes. null clears a column on /team/update. */
export interface TeamFields {
  team_alias?: string | null;
  models?: string[];
  max_budget?: number | null;
  budget_duration?: string | null;
  tpm_limit?: number | null;
  rpm_limit?: number | null;
  metadata?: Record<string, unknown>;
  blocked?: boolean;
  organization_id?: string | null;
  soft_budget?: number | null;
  team_member_permissions?: string[];
  team_member_budget?: number | null;
  team_member_budget_duration?: string | null;
  team_member_rpm_limit?: number | null;
  team_member_tpm_limit?: number | null;
  team_member_key_duration?: string | null;
  model_aliases?: Record<string, string>;
  router_settings?: Record<string, unknown>;
}

/** The team's default budget for each member (LiteLLM's team_member_budget_table). */
export interface TeamMemberBudget {
  max_budget: number | null;
  budget_duration: string | null;
  rpm_limit: number | null;
  tpm_limit: number | null;
}

export interface TeamMemberEntry {
  user_id: string | null;
  user_email: string | null;
  role: string;
}

export interface LiteLLMTeam {
  team_id: string;
  team_alias: string | null;
  models: string[];
  max_budget: number | null;
  budget_duration: string | null;
  tpm_limit: number | null;
  rpm_limit: number | null;
  metadata: Record<string, unknown>;
  blocked: boolean;
  organization_id: string | null;
  soft_budget: number | null;
  team_member_permissions: string[];
  memberBudget: TeamMemberBudget;
  model_aliases: Record<string, string>;
  router_settings: Record<string, unknown>;
  spend: number;
  members: TeamMemberEntry[];
  /** user_id → the member's max_budget within the team, for members with a budget. */
  memberBudgets: Map<string, number | null>;
}

export interface NewMember {
  user_id?: string;
  user_email?: string;
  role: "admin" | "user";
}


export class LiteLLMTeams {
  constructor(private readonly http: Transport) {}

  /**
   * POST /team/new with a team_id the caller chose, which makes a retry safe: when an earlier attempt landed but
   * its answer was lost, the retry is refused (400, the id exists), and reading the team settles it.
   */
  async newTeam(teamId: string, fields: TeamFields, signal?: AbortSignal): Promise<void> {
    try {
      await this.http.send({ method: "POST", path: "/team/new", body: { ...fields, team_id: teamId }, idempotent: true, signal });
    } catch (e) {
      if (!isLiteLLMError(e) || !e.retried || e.status !== 400) throw e;
      if ((await this.teamInfo(teamId, signal)) === null) throw e;
    }
  }

  /** GET /team/info; null when LiteLLM has no such team (404). */
  async teamInfo(teamId: string, signal?: AbortSignal): Promise<LiteLLMTeam | null> {
    let res: HttpResult;
    try {
      res = await this.http.send({ method: "GET", path: "/team/info", query: { team_id: teamId }, idempotent: true, signal });
    } catch (e) {
      if (isLiteLLMError(e) && e.isNotFound) return null;
      throw e;
    }
    const b = expectObject(res.body, "GET", "/team/info");
    const info = b.team_info;
    if (!info || typeof info !== "object") throw malformed("GET", "/team/info", "no team_info in the answer");
    return toTeam(info as Record<string, unknown>, Array.isArray(b.team_memberships) ? b.team_memberships : []);
  }

  /** GET /team/list: every team (a master-key caller sees all of them). */
  async listTeams(signal?: AbortSignal): Promise<LiteLLMTeam[]> {
    const res = await this.http.send({ method: "GET", path: "/team/list", idempotent: true, signal });
    if (!Array.isArray(res.body)) throw malformed("GET", "/team/list", "the answer is not a list");
    return res.body.map((t) => {
      const row = expectObject(t, "GET", "/team/list");
      return toTeam(row, Array.isArray(row.team_memberships) ? row.team_memberships : []);
    });
  }

  async updateTeam(teamId: string, fields: TeamFields, signal?: AbortSignal): Promise<void> {
    const res = await this.http.send({ method: "POST", path: "/team/update", body: { ...fields, team_id: teamId }, idempotent: true, signal });
    expectObject(res.body, "POST", "/team/update");
  }

  /** POST /team/delete; false when LiteLLM no longer has the team. */
  async deleteTeam(teamId: string, signal?: AbortSignal): Promise<boolean> {
    try {
      await this.http.send({ method: "POST", path: "/team/delete", body: { team_ids: [teamId] }, idempotent: true, signal });
      return true;
    } catch (e) {
      if (isLiteLLMError(e) && e.isNotFound) return false;
      throw e;
    }
  }

  /**
   * POST /team/member_add; returns the member's user_id (LiteLLM resolves an email to it). A retry whose
   * earlier attempt landed is refused as a duplicate (400): reading the team settles it.
   */
  async addMember(teamId: string, member: NewMember, maxBudgetInTeam: number | null, signal?: AbortSignal): Promise<string> {
    const body = { team_id: teamId, member, ...(maxBudgetInTeam !== null ? { max_budget_in_team: maxBudgetInTeam } : {}) };
    let res: HttpResult;
    try {
      res = await this.http.send({ method: "POST", path: "/team/member_add", body, idempotent: true, signal });
    } catch (e) {
      if (!isLiteLLMError(e) || !e.retried || e.status !== 400) throw e;
      const found = findMember((await this.teamInfo(teamId, signal))?.members ?? [], member);
      if (!found?.user_id || found.role !== member.role) throw e;
      return found.user_id;
    }
    const b = expectObject(res.body, "POST", "/team/member_add");
    const members = Array.isArray(b.members_with_roles) ? b.members_with_roles.map(toMember) : [];
    const found = findMember(members, member);
    if (!found?.user_id) throw malformed("POST", "/team/member_add", "the member is not in the answer's members_with_roles");
    return found.user_id;
  }

  /**
   * POST /team/member_update. max_budget_in_team is always sent: null removes the member's budget, and LiteLLM
   * up to 1.80.x removes it anyway when the field is missing.
   */
  async updateMember(teamId: string, userId: string, change: { role: "admin" | "user"; maxBudgetInTeam: number | null }, signal?: AbortSignal): Promise<void> {
    const body = { team_id: teamId, user_id: userId, role: change.role, max_budget_in_team: change.maxBudgetInTeam };
    const res = await this.http.send({ method: "POST", path: "/team/member_update", body, idempotent: true, signal });
    expectObject(res.body, "POST", "/team/member_update");
  }

  /**
   * POST /team/member_delete; false when the member (or the team) is already gone. LiteLLM answers both with a
   * 400, like other mistakes, so a 400 is settled by reading the team.
   */
  async deleteMember(teamId: string, userId: string, signal?: AbortSignal): Promise<boolean> {
    try {
      await this.http.send({ method: "POST", path: "/team/member_delete", body: { team_id: teamId, user_id: userId }, idempotent: true, signal });
      return true;
    } catch (e) {
      if (!isLiteLLMError(e) || e.status !== 400) throw e;
      const team = await this.teamInfo(teamId, signal);
      if (team === null || !team.members.some((m) => m.user_id === userId)) return false;
      throw e;
    }
  }
}

/** The team calls of a client. */
export function teamsOf(client: Transport): LiteLLMTeams {
  return new LiteLLMTeams(client);
}

/** A member entry for `wanted`: by user_id when it has one, else by email. */
export function findMember(members: TeamMemberEntry[], wanted: { user_id?: string | null; user_email?: string | null }): TeamMemberEntry | undefined {
  if (wanted.user_id) return members.find((m) => m.user_id === wanted.user_id);
  if (wanted.user_email) return members.find((m) => m.user_email === wanted.user_email);
  return undefined;
}

function toTeam(r: Record<string, unknown>, memberships: unknown[]): LiteLLMTeam {
  const memberBudgets = new Map<string, number | null>();
  for (const m of memberships) {
    const row = (m && typeof m === "object" ? m : {}) as Record<string, unknown>;
    const budget = row.litellm_budget_table as Record<string, unknown> | null | undefined;
    if (typeof row.user_id === "string") memberBudgets.set(row.user_id, budget && typeof budget === "object" ? num(budget.max_budget) : null);
  }
  return {
    team_id: String(r.team_id),
    team_alias: str(r.team_alias),
    models: Array.isArray(r.models) ? r.models.filter((m): m is string => typeof m === "string") : [],
    max_budget: num(r.max_budget),
    budget_duration: str(r.budget_duration),
    tpm_limit: num(r.tpm_limit),
    rpm_limit: num(r.rpm_limit),
    metadata: r.metadata && typeof r.metadata === "object" && !Array.isArray(r.metadata) ? (r.metadata as Record<string, unknown>) : {},
    blocked: r.blocked === true,
    organization_id: str(r.organization_id),
    soft_budget: num(r.soft_budget),
    team_member_permissions: Array.isArray(r.team_member_permissions) ? r.team_member_permissions.filter((p): p is string => typeof p === "string") : [],
    memberBudget: toMemberBudget(r.team_member_budget_table),
    model_aliases: stringMap(objectOrEmpty(r.litellm_model_table).model_aliases),
    router_settings: objectOrEmpty(r.router_settings),
    spend: num(r.spend) ?? 0,
    members: Array.isArray(r.members_with_roles) ? r.members_with_roles.map(toMember) : [],
    memberBudgets,
  };
}

function objectOrEmpty(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(objectOrEmpty(v))) if (typeof x === "string") out[k] = x;
  return out;
}

function toMemberBudget(v: unknown): TeamMemberBudget {
  const b = objectOrEmpty(v);
  return { max_budget: num(b.max_budget), budget_duration: str(b.budget_duration), rpm_limit: num(b.rpm_limit), tpm_limit: num(b.tpm_limit) };
}

function toMember(m: unknown): TeamMemberEntry {
  const r = (m && typeof m === "object" ? m : {}) as Record<string, unknown>;
  return { user_id: str(r.user_id), user_email: str(r.user_email), role: String(r.role ?? "") };
}

