// litellm_user's `teams`: the teams the user is a plain member of, as the other LiteLLM providers have it.
// LiteLLM joins them at /user/new (and swallows failures, so the read-back checks them); later changes go
// through /team/member_add and /team/member_delete, because /user/update has no `teams`. A membership that a
// litellm_team_member (or anything outside Terraform) made is not this resource's to manage: mixing both for
// the same team is refused at plan, with the one to keep.
import { attributePath, type Diagnostics } from "../../framework/diagnostics";
import type { HandlerContext } from "../../framework/resource";
import type { LiteLLMClient } from "../../litellm/client";
import { teamsOf } from "../../litellm/teams";
import { isUnknown, valuesEqual, type TfObject, type TfValue } from "../../values/value";
import { strList } from "../attribute-values";
import type { UserPrivateState } from "./key-state";
import { apiError } from "./messages";

type Ctx = HandlerContext<LiteLLMClient>;

/**
 * The teams state shows: every team LiteLLM lists while the resource manages none (`teams` never set, or a
 * state from before), else only the ones it joined, so that a litellm_team_member's membership is no drift.
 */
export function visibleTeams(server: string[], priv: UserPrivateState): string[] {
  return priv.teams === undefined ? server : server.filter((t) => priv.teams!.includes(t));
}

/** The same teams in any order. */
export function teamsEquivalent(a: TfValue, b: TfValue): boolean {
  return !isUnknown(a) && !isUnknown(b) && valuesEqual([...(Array.isArray(a) ? a : [])].sort(), [...(Array.isArray(b) ? b : [])].sort());
}

/** The user's teams in state form: `mine`'s order when it lists the same teams, else LiteLLM's; none is null. */
export function teamsState(server: string[], mine: TfValue | undefined): TfValue {
  if (mine !== undefined && mine !== null && !isUnknown(mine) && teamsEquivalent(mine, server)) return mine;
  return server.length ? [...server] : mine !== undefined && Array.isArray(mine) && mine.length === 0 ? [] : null;
}

/**
 * The plan rule: a team added to `teams` that the user is already in (through a litellm_team_member or outside
 * Terraform) is refused, saying which to keep. Checked when the values are known; otherwise accepted.
 */
export async function refuseMixedMemberships(ctx: Ctx | undefined, config: TfObject, prior: TfObject, diagnostics: Diagnostics): Promise<void> {
  if (!ctx || isUnknown(config.teams) || !Array.isArray(config.teams) || config.teams.some(isUnknown)) return;
  const had = new Set(strList(prior, "teams") ?? []);
  const added = config.teams.filter((t): t is string => typeof t === "string" && !had.has(t));
  const userId = typeof prior.user_id === "string" ? prior.user_id : null;
  if (added.length === 0 || userId === null) return;
  let server: string[];
  try {
    server = (await ctx.client.userInfo(userId, ctx.signal))?.user.teams ?? [];
  } catch {
    return; // Not known now: accepted, as any rule whose values are unknown.
  }
  for (const team of added.filter((t) => server.includes(t))) {
    diagnostics.addError(
      "Team Membership Managed Twice",
      `The user ${userId} is already a member of team ${team}, through a litellm_team_member or outside Terraform. Keep one: remove ${team} from this user's teams and keep the litellm_team_member (it can also set the role and a budget in the team), or remove the litellm_team_member and keep ${team} in teams.`,
      attributePath("teams"),
    );
  }
}

/** Joins and leaves teams for a change of `teams`; returns the teams this resource now manages. */
export async function applyTeamChanges(ctx: Ctx, userId: string, prior: TfObject, planned: TfObject, priv: UserPrivateState, diagnostics: Diagnostics): Promise<void> {
  const wanted = strList(planned, "teams");
  if (wanted === null) return;
  const had = strList(prior, "teams") ?? [];
  const teams = teamsOf(ctx.client);
  const mine = new Set(priv.teams ?? had);
  for (const team of wanted.filter((t) => !had.includes(t))) {
    try {
      await teams.addMember(team, { user_id: userId, role: "user" }, null, ctx.signal);
      mine.add(team);
    } catch (e) {
      apiError(diagnostics, "Cannot Join Team", `adding user ${userId} to team ${team}`, e, " Check that the team exists; teams lists team IDs (litellm_team.<name>.team_id).");
    }
  }
  for (const team of had.filter((t) => !wanted.includes(t) && mine.has(t))) {
    try {
      await teams.deleteMember(team, userId, ctx.signal);
      mine.delete(team);
    } catch (e) {
      apiError(diagnostics, "Cannot Leave Team", `removing user ${userId} from team ${team}`, e);
    }
  }
  priv.teams = [...mine];
}
