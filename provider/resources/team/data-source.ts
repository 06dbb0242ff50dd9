// Data source litellm_team: an existing team, by team_id or by exact team_alias.
import { isUnknown, type TfObject } from "../../values/value";
import { attributePath } from "../../framework/diagnostics";
import type { DataSourceDefinition } from "../../framework/resource";
import type { LiteLLMClient } from "../../litellm/client";
import { isLiteLLMError } from "../../litellm/errors";
import { teamsOf, type LiteLLMTeam } from "../../litellm/teams";
import { str } from "../user/model";
import { jsonObjectState } from "../json-object-argument";
import { splitMetadata } from "../server-rules/owned-metadata";
import { serverValues } from "./model";

export const teamDataSource: DataSourceDefinition<LiteLLMClient> = {
  typeName: "litellm_team",
  constraints: {
    team_id: { schema: { minLength: 1 }, expectation: "must not be empty" },
    team_alias: { schema: { minLength: 1 }, expectation: "must not be empty" },
  },

  validate({ config }, { diagnostics }) {
    if (isUnknown(config.team_id) || isUnknown(config.team_alias)) return;
    const given = ["team_id", "team_alias"].filter((a) => config[a] !== null);
    if (given.length !== 1) {
      diagnostics.addError(
        "Give Exactly One Of team_id And team_alias",
        given.length === 0 ? "Set team_id or team_alias to choose the team to read." : "Set only one of team_id and team_alias.",
        attributePath(given.length ? "team_alias" : "team_id"),
      );
    }
  },

  async read({ config }, resp, ctx) {
    const teams = teamsOf(ctx.client);
    const teamId = str(config, "team_id");
    const alias = str(config, "team_alias");
    let team: LiteLLMTeam | null;
    try {
      if (teamId !== null) {
        team = await teams.teamInfo(teamId, ctx.signal);
        if (!team) {
          resp.diagnostics.addError("Team Not Found", `LiteLLM has no team with team_id ${JSON.stringify(teamId)}.`, attributePath("team_id"));
          return;
        }
      } else {
        const named = (await teams.listTeams(ctx.signal)).filter((t) => t.team_alias === alias);
        if (named.length !== 1) {
          resp.diagnostics.addError(
            named.length ? "Team Alias Is Not Unique" : "Team Not Found",
            named.length
              ? `Several LiteLLM teams are named ${JSON.stringify(alias)}: ${named.map((t) => t.team_id).join(", ")}. Use team_id.`
              : `No LiteLLM team is named ${JSON.stringify(alias)}.`,
            attributePath("team_alias"),
          );
          return;
        }
        team = named[0]!;
      }
    } catch (e) {
      resp.diagnostics.addError("Cannot Read Team", `Error while reading the team: ${isLiteLLMError(e) ? e.message : String(e)}`);
      return;
    }
    fill(resp.state, team);
  },
};

/** The attributes this data source shows, from the team's state form. */
const shown = ["organization_id", "max_budget", "budget_duration", "tpm_limit", "rpm_limit", "blocked"] as const;

function fill(state: TfObject, team: LiteLLMTeam): void {
  const values = serverValues(team);
  for (const a of shown) state[a] = values[a];
  // Metadata as canonical JSON text, as before; the resource's own metadata takes either form.
  state.metadata = jsonObjectState(splitMetadata(team.metadata).user, null, false);
  state.team_member_permissions = [...team.team_member_permissions];
  state.models = [...team.models];
  state.id = team.team_id;
  state.team_id = team.team_id;
  state.team_alias = team.team_alias;
  state.spend = team.spend;
  state.member_user_ids = team.members.map((m) => m.user_id).filter((id): id is string => id !== null);
}
