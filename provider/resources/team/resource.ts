// litellm_team: create, read, update, delete and import through LiteLLM's /team/* endpoints.
import { randomUUID } from "node:crypto";
import { isUnknown, unknown, valuesEqual, type TfObject } from "../../values/value";
import type { Diagnostics } from "../../framework/diagnostics";
import type { ApplyResponse, HandlerContext, ResourceDefinition } from "../../framework/resource";
import type { LiteLLMClient } from "../../litellm/client";
import { isLiteLLMError } from "../../litellm/errors";
import { teamsOf } from "../../litellm/teams";
import { str } from "../user/model";
import { teamConstraints } from "./constraints";
import { fieldsForCreate, fieldsForUpdate, isEquivalent, serverFilledTeamAttributes, teamStateAttributes, teamStateFromServer } from "./model";
import { attributePath } from "../../framework/diagnostics";
import { splitMetadata } from "../server-rules/owned-metadata";
import { planServerFilled, unappliedArguments } from "../server-rules/server-filled";
import { isZeroCap, wantsUnlimited, zeroCapWarning } from "../server-rules/zero-budget";
import { validateOwnMetadata } from "../server-rules/metadata-validation";

type Ctx = HandlerContext<LiteLLMClient>;

export const teamResource: ResourceDefinition<LiteLLMClient> = {
  typeName: "litellm_team",
  constraints: teamConstraints,
  defaults: { blocked: false },

  validate({ config }, { diagnostics }) {
    validateOwnMetadata(config, diagnostics);
  },

  modifyPlan({ prior, config }, { planned, diagnostics }) {
    // Left out of the configuration: LiteLLM's value (default_team_settings, its UI) stays.
    planServerFilled(config, prior, planned, serverFilledTeamAttributes);
    if (prior === null) return;
    if (isZeroCap(prior.max_budget)) {
      // A $0 cap blocks all spend; 0 here means unlimited, so the plan removes it.
      if (config.max_budget === null) planned.max_budget = 0;
      const w = zeroCapWarning("max_budget", "team");
      diagnostics.addWarning(w.summary, w.detail, attributePath("max_budget"));
    }
    for (const a of teamStateAttributes) {
      // Same meaning, other spelling: keep what state has, so that nothing changes.
      if (planned[a] !== null && prior[a] !== null && isEquivalent(a, planned[a], prior[a])) planned[a] = prior[a];
    }
    // Spend moves with traffic at any time; an update reads it back.
    if (teamStateAttributes.some((a) => !valuesEqual(planned[a], prior[a]))) planned.spend = unknown;
  },

  async create({ planned, config }, resp, ctx) {
    // Our own team_id makes a retried create safe (see LiteLLMTeams.newTeam).
    const teamId = randomUUID();
    const state: TfObject = { ...planned, id: teamId, team_id: teamId };
    try {
      await teamsOf(ctx.client).newTeam(teamId, fieldsForCreate(planned, config), ctx.signal);
    } catch (e) {
      apiError(resp.diagnostics, "Cannot Create Team", `creating team ${JSON.stringify(str(planned, "team_alias") ?? teamId)}`, e);
      // When LiteLLM may have made the team, keep it in state so that Terraform taints it rather than losing it.
      resp.state = isLiteLLMError(e) && e.mayHaveActed ? { ...state, spend: 0 } : null;
      return;
    }
    resp.state = state;
    if (wantsUnlimited(config.max_budget)) {
      // 0 is unlimited: a budget that default_team_settings filled in is removed.
      try {
        const team = await teamsOf(ctx.client).teamInfo(teamId, ctx.signal);
        if (team && team.max_budget !== null) await teamsOf(ctx.client).updateTeam(teamId, { max_budget: null }, ctx.signal);
      } catch (e) {
        apiError(resp.diagnostics, "Cannot Remove The Proxy's Default Budget", `removing the budget LiteLLM gave team ${teamId}`, e);
      }
    }
    await readBack(ctx, teamId, state, planned, config, resp, "created");
  },

  async read({ state }, resp, ctx) {
    const teamId = str(state, "team_id") ?? str(state, "id");
    if (!teamId) {
      resp.state = null;
      return;
    }
    let team;
    try {
      team = await teamsOf(ctx.client).teamInfo(teamId, ctx.signal);
    } catch (e) {
      apiError(resp.diagnostics, "Cannot Read Team", `reading team ${teamId}`, e);
      return;
    }
    if (team === null) {
      ctx.log.info("team no longer exists on LiteLLM; removing it from state", { team_id: teamId });
      resp.state = null;
      return;
    }
    const next: TfObject = { ...state };
    teamStateFromServer(next, team, state);
    resp.state = next;
  },

  async update({ prior, planned, config }, resp, ctx) {
    const teamId = str(prior, "team_id")!;
    let fields = fieldsForUpdate(prior, planned, config);
    const state: TfObject = { ...planned };
    if (Object.keys(fields).length > 0) {
      try {
        if (fields.metadata !== undefined) {
          const current = await teamsOf(ctx.client).teamInfo(teamId, ctx.signal);
          fields = fieldsForUpdate(prior, planned, config, splitMetadata(current?.metadata).owned);
        }
        await teamsOf(ctx.client).updateTeam(teamId, fields, ctx.signal);
      } catch (e) {
        apiError(resp.diagnostics, "Cannot Update Team", `updating team ${teamId}`, e);
        resp.state = { ...prior };
        await readBack(ctx, teamId, resp.state, prior, null, resp, "kept");
        return;
      }
    }
    resp.state = state;
    await readBack(ctx, teamId, state, planned, config, resp, "updated");
  },

  async delete({ prior }, resp, ctx) {
    const teamId = str(prior, "team_id");
    if (!teamId) return;
    try {
      if (!(await teamsOf(ctx.client).deleteTeam(teamId, ctx.signal))) ctx.log.info("team was already gone", { team_id: teamId });
    } catch (e) {
      apiError(resp.diagnostics, "Cannot Delete Team", `deleting team ${teamId}`, e);
    }
  },

  async importState({ id }, resp, ctx) {
    const teamId = id.trim();
    try {
      const team = await teamsOf(ctx.client).teamInfo(teamId, ctx.signal);
      if (!team) return;
      const state: TfObject = Object.create(null);
      teamStateFromServer(state, team, null);
      resp.state = state;
    } catch (e) {
      apiError(resp.diagnostics, "Cannot Import Team", `importing team ${JSON.stringify(id)}`, e);
    }
  },
};

/** Reads the team back so that state holds what LiteLLM has, and checks that LiteLLM kept what was planned. */
async function readBack(ctx: Ctx, teamId: string, state: TfObject, base: TfObject, config: TfObject | null, resp: ApplyResponse, verb: string): Promise<void> {
  let team;
  try {
    team = await teamsOf(ctx.client).teamInfo(teamId, ctx.signal);
  } catch (e) {
    resp.diagnostics.addWarning(
      "Team Not Read Back",
      `The team ${teamId} was ${verb}, but reading it back failed: ${isLiteLLMError(e) ? e.message : String(e)}. State holds the planned values; the next plan reads the team again.`,
    );
    if (isUnknown(state.spend)) state.spend = 0;
    return;
  }
  if (!team) {
    resp.diagnostics.addError("Team Vanished", `The team ${teamId} was ${verb}, but LiteLLM no longer finds it. Run terraform apply again to recreate it.`);
    return;
  }
  const before: TfObject = { ...state };
  teamStateFromServer(state, team, base);
  if (verb === "kept") return;
  // Only what the configuration set is checked: the rest is LiteLLM's to fill.
  for (const a of unappliedArguments(config, before, state, teamStateAttributes, serverFilledTeamAttributes)) {
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
