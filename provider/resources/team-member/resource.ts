// litellm_team_member: one user's place in a team, through /team/member_add, /team/member_update and
// /team/member_delete, read from /team/info. Role and budget change in place; the team or user replaces it.
// Its quirks: the user must exist and a membership is never adopted (../membership.ts); user_id and
// user_email may both be given when they name the same user (checked at plan when known); 0 is no budget of
// its own, so a copy of the team's default member budget is removed after the add; the id is known at plan.
import type { TfObject } from "../../values/value";
import { attributePath, type Diagnostics } from "../../framework/diagnostics";
import { atLeastOneOf, declareResource, optionalAmount, Refusal, text, type Remote } from "../../framework/declarative";
import type { HandlerContext } from "../../framework/resource";
import type { LiteLLMClient } from "../../litellm/client";
import { isLiteLLMError } from "../../litellm/errors";
import { findMember, teamsOf, type NewMember } from "../../litellm/teams";
import { describeLiteLLMError } from "../api-errors";
import { alreadyMemberText, membershipAttributes, membershipConstraints, emailMismatch, parseMembershipId, resolveMemberUser } from "../membership";
import { nativeBudget, wantsUnlimited, zeroCapPlanRule } from "../server-rules/zero-budget";
import { emailsEquivalent } from "../seed-semantics";

type Ctx = HandlerContext<LiteLLMClient>;
type Role = NewMember["role"];

const roles = ["user", "admin"];

/** How a membership Terraform does not own came to be, and which one to keep. */
const viaUserTeams = (teamId: string) =>
  `, through a litellm_user's teams or outside Terraform. Keep one: remove ${teamId} from the litellm_user's teams and keep this litellm_team_member (it can also set role and max_budget_in_team), or remove this resource`;

/** The membership as one object: the member's entry in the team and its budget in the team. */
async function readMember(ctx: Ctx, id: string): Promise<Remote | null> {
  const parsed = parseMembershipId(id);
  if (!parsed) return null;
  const { groupId: teamId, userId } = parsed;
  const team = await teamsOf(ctx.client).teamInfo(teamId, ctx.signal);
  const member = team?.members.find((m) => m.user_id === userId);
  if (!team || !member) return null;
  return { team_id: team.team_id, user_id: userId, user_email: member.user_email, role: member.role, max_budget_in_team: team.memberBudgets.get(userId) ?? null };
}

/** The refusal of a membership LiteLLM has already, judged from the team as it is now. */
async function existingMember(ctx: Ctx, teamId: string, member: NewMember): Promise<Refusal | undefined> {
  const team = await teamsOf(ctx.client).teamInfo(teamId, ctx.signal).catch(() => null);
  const existing = team ? findMember(team.members, member) : undefined;
  if (!existing?.user_id) return undefined;
  const text = `${alreadyMemberText("team", teamId, existing.user_id, viaUserTeams(teamId))} (Its role is ${existing.role}; this resource would not own the membership. Or remove the member in LiteLLM first.)`;
  return new Refusal("Already A Team Member", text, "user_id");
}

/**
 * The plan-time checks, when the values are known and the user exists already (a user created in the same apply
 * is checked at apply): user_id and user_email name the same user, and the user is not in the team already
 * (through litellm_user.teams or outside Terraform). Anything unknown is accepted.
 */
async function checkUserAtPlan(ctx: Ctx | undefined, config: TfObject, diagnostics: Diagnostics): Promise<void> {
  const userId = config.user_id, email = config.user_email, teamId = config.team_id;
  if (!ctx || typeof userId !== "string") return;
  const info = await ctx.client.userInfo(userId, ctx.signal).catch(() => null);
  if (!info) return;
  if (typeof email === "string" && !emailsEquivalent(info.user.user_email ?? "", email)) {
    diagnostics.addError("User ID And Email Differ", emailMismatch(userId, email, info.user.user_email), attributePath("user_email"));
  }
  if (typeof teamId === "string" && info.user.teams.includes(teamId)) {
    diagnostics.addError("Already A Team Member", alreadyMemberText("team", teamId, userId, viaUserTeams(teamId)), attributePath("user_id"));
  }
}

export const teamMemberResource = declareResource<LiteLLMClient>(
  {
    typeName: "litellm_team_member",
    noun: "team member",
    attributes: {
      ...membershipAttributes("team_id"),
      role: { codec: text(), default: "user" },
      // Left out: LiteLLM's value (the team's default member budget) stays. 0 is no budget of its own.
      max_budget_in_team: { codec: optionalAmount({ zeroCapIsDrift: true }), serverDefault: true, planRule: zeroCapPlanRule },
    },
    constraints: {
      ...membershipConstraints("team_id", "team"),
      role: { schema: { enum: roles }, expectation: "must be user or admin" },
      max_budget_in_team: { schema: { minimum: 0 }, expectation: "must be 0 (no budget of its own) or more US dollars" },
    },
    // Presence only: whether user_id and user_email name the same user is a fact of LiteLLM's, checked at plan.
    checks: [atLeastOneOf(["user_id", "user_email"], "choose the user to add to the team (both must name the same user)", "Missing User")],
    describeError: describeLiteLLMError,
    importId: (id) =>
      parseMembershipId(id.trim())
        ? { id: id.trim() }
        : { error: `Import a team membership as team_id:user_id, for example 0b0c8a52-…:alice. Got ${JSON.stringify(id)}.` },
    async whyMissing(ctx, id) {
      const { groupId: teamId, userId } = parseMembershipId(id)!;
      if (!(await teamsOf(ctx.client).teamInfo(teamId, ctx.signal))) return new Refusal("Team Not Found", `LiteLLM has no team with team_id ${JSON.stringify(teamId)}.`);
      return new Refusal("Not A Team Member", `The user ${JSON.stringify(userId)} is not a member of team ${teamId}.`);
    },
    api: {
      async create(ctx, body, planned, diagnostics) {
        const teamId = planned.team_id as string;
        const user = await resolveMemberUser(ctx, planned, diagnostics);
        const member: NewMember = { user_id: user.user_id, ...(user.user_email === null ? {} : { user_email: user.user_email }), role: planned.role as Role };
        const existing = await existingMember(ctx, teamId, member);
        if (existing) throw existing;
        const teams = teamsOf(ctx.client);
        let userId: string;
        try {
          userId = await teams.addMember(teamId, member, (body.max_budget_in_team as number | null | undefined) ?? null, ctx.signal);
        } catch (e) {
          // A refused add is explained from what the team looks like now, not from LiteLLM's wording.
          const now = isLiteLLMError(e) && e.status === 400 ? await existingMember(ctx, teamId, member) : undefined;
          throw now ?? new Refusal("Cannot Add Team Member", `Error while adding user ${member.user_id} to team ${teamId}: ${describeLiteLLMError(e).message}`);
        }
        if (wantsUnlimited(planned.max_budget_in_team!)) {
          // 0 is no budget of its own: a copy of the team's default member budget that LiteLLM attached is removed.
          try {
            const team = await teams.teamInfo(teamId, ctx.signal);
            if (team?.memberBudgets.get(userId) != null) await teams.updateMember(teamId, userId, { role: member.role, maxBudgetInTeam: null }, ctx.signal);
          } catch (e) {
            diagnostics.addError(
              "Cannot Remove The Team's Default Member Budget",
              `Error while removing the budget LiteLLM gave user ${userId} in team ${teamId}: ${describeLiteLLMError(e).message}`,
            );
          }
        }
        return `${teamId}:${userId}`;
      },
      read: readMember,
      async update(ctx, id, _body, planned) {
        // member_update takes the role and budget together (LiteLLM up to 1.80.x drops a budget left out).
        const { groupId: teamId, userId } = parseMembershipId(id)!;
        const change = { role: planned.role as Role, maxBudgetInTeam: nativeBudget(planned.max_budget_in_team!) };
        await teamsOf(ctx.client).updateMember(teamId, userId, change, ctx.signal);
      },
      async delete(ctx, id) {
        const { groupId: teamId, userId } = parseMembershipId(id)!;
        return teamsOf(ctx.client).deleteMember(teamId, userId, ctx.signal);
      },
    },
  },
  {
    async modifyPlan({ prior, config }, resp, ctx) {
      const p = resp.planned;
      if (prior === null && typeof p.team_id === "string" && typeof p.user_id === "string") p.id = `${p.team_id}:${p.user_id}`;
      if (prior === null || resp.requiresReplace.length > 0) await checkUserAtPlan(ctx, config, resp.diagnostics);
    },
  },
);
