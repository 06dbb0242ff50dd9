// litellm_team_member: one user's place in a team, through /team/member_add, /team/member_update and
// /team/member_delete, read from /team/info. Role and budget change in place; the team or user replaces it.
import { isUnknown, unknown, valuesEqual, type TfObject } from "../../values/value";
import { attributePath, type Diagnostics } from "../../framework/diagnostics";
import type { ApplyResponse, HandlerContext, ResourceDefinition } from "../../framework/resource";
import type { LiteLLMClient } from "../../litellm/client";
import { isLiteLLMError } from "../../litellm/errors";
import { findMember, teamsOf, type NewMember } from "../../litellm/teams";
import { str } from "../user/model";
import { emailsEquivalent } from "../user/semantics";
import { budgetsEquivalent, memberId, memberIn, memberStateFromServer, nativeBudget, parseMemberId } from "./model";
import { planServerFilled, unappliedArguments } from "../server-rules/server-filled";
import { isZeroCap, wantsUnlimited, zeroCapWarning } from "../server-rules/zero-budget";

type Ctx = HandlerContext<LiteLLMClient>;

const roles = ["user", "admin"];

export const teamMemberResource: ResourceDefinition<LiteLLMClient> = {
  typeName: "litellm_team_member",
  constraints: {
    team_id: { schema: { minLength: 1, pattern: "^[^:]+$" }, expectation: "must be a team ID (it has no \":\")" },
    user_id: { schema: { minLength: 1 }, expectation: "must not be empty" },
    user_email: { schema: { minLength: 1 }, expectation: "must not be empty" },
    role: { schema: { enum: roles }, expectation: "must be user or admin" },
    max_budget_in_team: { schema: { minimum: 0 }, expectation: "must be 0 (no budget of its own) or more US dollars" },
  },
  defaults: { role: "user" },

  validate({ config }, { diagnostics }) {
    // Presence only: whether user_id and user_email name the same user is a fact of LiteLLM's, checked at plan.
    if (isUnknown(config.user_id) || isUnknown(config.user_email)) return;
    if (config.user_id === null && config.user_email === null) {
      diagnostics.addError("Missing User", "Set user_id, user_email, or both (for the same user) to choose the user to add to the team.", attributePath("user_id"));
    }
  },

  async modifyPlan({ prior, config }, resp, ctx) {
    const p = resp.planned;
    // Left out of the configuration: LiteLLM's value (the team's default member budget) stays.
    planServerFilled(config, prior, p, ["max_budget_in_team"]);
    if (prior !== null && isZeroCap(prior.max_budget_in_team)) {
      if (config.max_budget_in_team === null) p.max_budget_in_team = 0;
      const w = zeroCapWarning("max_budget_in_team", "membership");
      resp.diagnostics.addWarning(w.summary, w.detail, attributePath("max_budget_in_team"));
    }
    if (prior === null) {
      if (!isUnknown(p.team_id) && !isUnknown(p.user_id) && p.user_id !== null) p.id = memberId(str(p, "team_id")!, str(p, "user_id")!);
      await checkUserAtPlan(ctx, config, resp.diagnostics);
      return;
    }
    for (const a of ["team_id", "user_id", "user_email"]) {
      if (config[a] !== null && !isUnknown(config[a]) && !valuesEqual(config[a], prior[a])) resp.requiresReplace.push(attributePath(a));
      // A configured value that is not known yet (a team being replaced) replaces the membership too.
      if (isUnknown(config[a])) resp.requiresReplace.push(attributePath(a));
    }
    if (resp.requiresReplace.length > 0) {
      // The new membership's user and ID are known only after it is created.
      if (config.user_id === null) p.user_id = unknown;
      if (config.user_email === null) p.user_email = unknown;
      p.id = unknown;
      await checkUserAtPlan(ctx, config, resp.diagnostics);
    }
    if (!isUnknown(p.max_budget_in_team) && budgetsEquivalent(p.max_budget_in_team, prior.max_budget_in_team)) p.max_budget_in_team = prior.max_budget_in_team;
  },

  async create({ planned, config }, resp, ctx) {
    const teamId = str(planned, "team_id")!;
    const role = (str(planned, "role") ?? "user") as NewMember["role"];
    const member = await resolveUser(ctx, planned, resp.diagnostics);
    if (!member || (await alreadyMember(ctx, teamId, member, resp.diagnostics))) {
      resp.state = null;
      return;
    }
    member.role = role;
    const teams = teamsOf(ctx.client);
    let userId: string;
    try {
      userId = await teams.addMember(teamId, member, nativeBudget(planned), ctx.signal);
    } catch (e) {
      resp.state = null;
      await reportAddError(ctx, teamId, member, e, resp.diagnostics);
      return;
    }
    const state: TfObject = { ...planned, id: memberId(teamId, userId), user_id: userId };
    resp.state = state;
    if (wantsUnlimited(config.max_budget_in_team)) {
      // 0 is no budget of its own: a copy of the team's default member budget that LiteLLM attached is removed.
      try {
        const team = await teams.teamInfo(teamId, ctx.signal);
        if (team?.memberBudgets.get(userId) != null) await teams.updateMember(teamId, userId, { role, maxBudgetInTeam: null }, ctx.signal);
      } catch (e) {
        apiError(resp.diagnostics, "Cannot Remove The Team's Default Member Budget", `removing the budget LiteLLM gave user ${userId} in team ${teamId}`, e);
      }
    }
    await readBack(ctx, teamId, userId, state, planned, config, resp, "added");
  },

  async read({ state }, resp, ctx) {
    const teamId = str(state, "team_id");
    const userId = str(state, "user_id");
    if (!teamId || !userId) {
      resp.state = null;
      return;
    }
    let team;
    try {
      team = await teamsOf(ctx.client).teamInfo(teamId, ctx.signal);
    } catch (e) {
      apiError(resp.diagnostics, "Cannot Read Team Member", `reading team ${teamId}`, e);
      return;
    }
    const member = team ? memberIn(team, userId) : undefined;
    if (!team || !member) {
      ctx.log.info("membership no longer exists on LiteLLM; removing it from state", { team_id: teamId, user_id: userId });
      resp.state = null;
      return;
    }
    const next: TfObject = { ...state };
    memberStateFromServer(next, team, { ...member, user_id: userId }, state);
    resp.state = next;
  },

  async update({ prior, planned, config }, resp, ctx) {
    const teamId = str(prior, "team_id")!;
    const userId = str(prior, "user_id")!;
    const state: TfObject = { ...planned };
    if (!valuesEqual(prior.role, planned.role) || !valuesEqual(prior.max_budget_in_team, planned.max_budget_in_team)) {
      try {
        const role = (str(planned, "role") ?? "user") as NewMember["role"];
        await teamsOf(ctx.client).updateMember(teamId, userId, { role, maxBudgetInTeam: nativeBudget(planned) }, ctx.signal);
      } catch (e) {
        apiError(resp.diagnostics, "Cannot Update Team Member", `updating user ${userId} in team ${teamId}`, e);
        resp.state = { ...prior };
        await readBack(ctx, teamId, userId, resp.state, prior, null, resp, "kept");
        return;
      }
    }
    resp.state = state;
    await readBack(ctx, teamId, userId, state, planned, config, resp, "updated");
  },

  async delete({ prior }, resp, ctx) {
    const teamId = str(prior, "team_id");
    const userId = str(prior, "user_id");
    if (!teamId || !userId) return;
    try {
      if (!(await teamsOf(ctx.client).deleteMember(teamId, userId, ctx.signal))) ctx.log.info("membership was already gone", { team_id: teamId, user_id: userId });
    } catch (e) {
      apiError(resp.diagnostics, "Cannot Remove Team Member", `removing user ${userId} from team ${teamId}`, e);
    }
  },

  async importState({ id }, resp, ctx) {
    const parsed = parseMemberId(id.trim());
    if (!parsed) {
      resp.diagnostics.addError("Invalid Import ID", `Import a team membership as team_id:user_id, for example 0b0c8a52-…:alice. Got ${JSON.stringify(id)}.`);
      return;
    }
    try {
      const team = await teamsOf(ctx.client).teamInfo(parsed.teamId, ctx.signal);
      if (!team) {
        resp.diagnostics.addError("Team Not Found", `LiteLLM has no team with team_id ${JSON.stringify(parsed.teamId)}.`);
        return;
      }
      const member = memberIn(team, parsed.userId);
      if (!member) {
        resp.diagnostics.addError("Not A Team Member", `The user ${JSON.stringify(parsed.userId)} is not a member of team ${parsed.teamId}.`);
        return;
      }
      const state: TfObject = Object.create(null);
      memberStateFromServer(state, team, { ...member, user_id: parsed.userId }, null);
      resp.state = state;
    } catch (e) {
      apiError(resp.diagnostics, "Cannot Import Team Member", `importing ${JSON.stringify(id)}`, e);
    }
  },
};

/**
 * The member to send. The user must exist already: LiteLLM would otherwise create a bare user for an unknown
 * user_id or email, which no resource owns. An email must match exactly one user.
 */
async function resolveUser(ctx: Ctx, planned: TfObject, diagnostics: Diagnostics): Promise<NewMember | undefined> {
  const userId = str(planned, "user_id");
  const email = str(planned, "user_email");
  try {
    if (userId !== null) {
      const info = await ctx.client.userInfo(userId, ctx.signal);
      if (!info) {
        diagnostics.addError("User Not Found", userNotFound(`no user with user_id ${JSON.stringify(userId)}`), attributePath("user_id"));
        return undefined;
      }
      if (email === null) return { user_id: userId, role: "user" };
      // Both given, as the other providers require: LiteLLM keeps the member as given. A mismatch only known now
      // (the values were unknown at plan) is said, never failed on: the plan already passed.
      if (!emailsEquivalent(info.user.user_email ?? "", email)) diagnostics.addWarning("User ID And Email Differ", mismatch(userId, email, info.user.user_email), attributePath("user_email"));
      return { user_id: userId, user_email: email, role: "user" };
    }
    const users = email === null ? [] : (await ctx.client.findUsersByEmail(email, ctx.signal)).filter((u) => u.user_email === email);
    if (users.length === 1) return { user_id: users[0]!.user_id, user_email: email!, role: "user" };
    diagnostics.addError(
      users.length ? "Email Is Not Unique" : "User Not Found",
      users.length
        ? `Several LiteLLM users have the email ${JSON.stringify(email)}: ${users.map((u) => u.user_id).join(", ")}. Use user_id.`
        : userNotFound(`no user with the email ${JSON.stringify(email)} (matched exactly)`),
      attributePath("user_email"),
    );
    return undefined;
  } catch (e) {
    apiError(diagnostics, "Cannot Look Up User", "looking up the user to add to the team", e);
    return undefined;
  }
}

/** The refusal for a user that does not exist, with how to create it and how this provider differs from the others. */
function userNotFound(what: string): string {
  return `LiteLLM has ${what}. Create the user first with a litellm_user resource and refer to it (user_id = litellm_user.<name>.user_id), so that Terraform creates it before the membership and owns it. Unlike the other LiteLLM providers, this one does not let LiteLLM create a bare user for an unknown ID or email: nothing would own or delete that user. See docs/migrating.md.`;
}

function mismatch(userId: string, email: string, actual: string | null): string {
  return `user_id ${JSON.stringify(userId)} and user_email ${JSON.stringify(email)} do not name the same user: LiteLLM's user ${JSON.stringify(userId)} has the email ${actual === null ? "none" : JSON.stringify(actual)}. Give the email of that user, or only one of the two.`;
}

/**
 * The plan-time checks, when the values are known and the user exists already (a user created in the same apply
 * is checked at apply): user_id and user_email name the same user, and the user is not in the team already
 * (through litellm_user.teams or outside Terraform). Anything unknown is accepted.
 */
async function checkUserAtPlan(ctx: Ctx | undefined, config: TfObject, diagnostics: Diagnostics): Promise<void> {
  const userId = config.user_id, email = config.user_email, teamId = config.team_id;
  if (!ctx || typeof userId !== "string") return;
  let info;
  try {
    info = await ctx.client.userInfo(userId, ctx.signal);
  } catch {
    return;
  }
  if (!info) return;
  if (typeof email === "string" && !emailsEquivalent(info.user.user_email ?? "", email)) {
    diagnostics.addError("User ID And Email Differ", mismatch(userId, email, info.user.user_email), attributePath("user_email"));
  }
  if (typeof teamId === "string" && info.user.teams.includes(teamId)) {
    diagnostics.addError("Already A Team Member", alreadyMemberText(userId, teamId), attributePath("user_id"));
  }
}

function alreadyMemberText(userId: string, teamId: string): string {
  return `The user ${userId} is already a member of team ${teamId}, through a litellm_user's teams or outside Terraform. Keep one: remove ${teamId} from the litellm_user's teams and keep this litellm_team_member (it can also set role and max_budget_in_team), or remove this resource. A membership made outside Terraform can be imported: terraform import <address> ${memberId(teamId, userId)}.`;
}

/**
 * A membership that exists already is never adopted silently: LiteLLM may answer 200 and leave the role alone
 * (a member given by user_id and email that matches on both counts twice in team_member_add_duplication_check).
 */
async function alreadyMember(ctx: Ctx, teamId: string, member: NewMember, diagnostics: Diagnostics): Promise<boolean> {
  let team;
  try {
    team = await teamsOf(ctx.client).teamInfo(teamId, ctx.signal);
  } catch {
    return false; // member_add reports what is wrong with the team
  }
  const existing = team ? findMember(team.members, member) : undefined;
  if (!existing?.user_id) return false;
  reportExisting(diagnostics, teamId, existing.user_id, existing.role);
  return true;
}

function reportExisting(diagnostics: Diagnostics, teamId: string, userId: string, role: string): void {
  diagnostics.addError(
    "Already A Team Member",
    `${alreadyMemberText(userId, teamId)} (Its role is ${role}; this resource would not own the membership. Or remove the member in LiteLLM first.)`,
    attributePath("user_id"),
  );
}

/** A refused add is explained from what the team looks like now, not from LiteLLM's wording. */
async function reportAddError(ctx: Ctx, teamId: string, member: NewMember, e: unknown, diagnostics: Diagnostics): Promise<void> {
  if (isLiteLLMError(e) && e.status === 400) {
    const team = await teamsOf(ctx.client).teamInfo(teamId, ctx.signal).catch(() => null);
    const existing = team ? findMember(team.members, member) : undefined;
    if (existing?.user_id) {
      reportExisting(diagnostics, teamId, existing.user_id, existing.role);
      return;
    }
  }
  apiError(diagnostics, "Cannot Add Team Member", `adding user ${member.user_id ?? member.user_email} to team ${teamId}`, e);
}

/** Reads the membership back; an error when LiteLLM did not keep the planned role or budget. */
async function readBack(
  ctx: Ctx,
  teamId: string,
  userId: string,
  state: TfObject,
  base: TfObject,
  config: TfObject | null,
  resp: ApplyResponse,
  verb: string,
): Promise<void> {
  let team;
  try {
    team = await teamsOf(ctx.client).teamInfo(teamId, ctx.signal);
  } catch (e) {
    resp.diagnostics.addWarning(
      "Team Member Not Read Back",
      `The membership ${memberId(teamId, userId)} was ${verb}, but reading it back failed: ${isLiteLLMError(e) ? e.message : String(e)}. The next plan reads it again.`,
    );
    if (isUnknown(state.user_email)) state.user_email = null;
    return;
  }
  const member = team ? memberIn(team, userId) : undefined;
  if (!team || !member) {
    resp.diagnostics.addError("Team Member Vanished", `The membership ${memberId(teamId, userId)} was ${verb}, but LiteLLM no longer lists it. Run terraform apply again.`);
    return;
  }
  const before: TfObject = { ...state };
  memberStateFromServer(state, team, { ...member, user_id: userId }, base);
  if (verb === "kept") return;
  // Only what the configuration set is checked: the rest is LiteLLM's to fill.
  for (const a of unappliedArguments(config, before, state, ["role", "max_budget_in_team"], ["max_budget_in_team"])) {
    resp.diagnostics.addError(
      "LiteLLM Did Not Apply A Change",
      `The plan set ${a} = ${JSON.stringify(before[a])}, but LiteLLM has ${JSON.stringify(state[a])}. State now holds LiteLLM's value.`,
      attributePath(a),
    );
  }
}

function apiError(diagnostics: Diagnostics, summary: string, doing: string, e: unknown): void {
  diagnostics.addError(summary, `Error while ${doing}: ${isLiteLLMError(e) || e instanceof Error ? e.message : String(e)}`);
}
