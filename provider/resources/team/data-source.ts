// Data source litellm_team: an existing team, by team_id or by exact team_alias, read as the resource reads it.
import { declareDataSource, jsonObjectText, stringList, text, type AttributeDeclaration, type Codec } from "../../framework/declarative";
import type { LiteLLMClient } from "../../litellm/client";
import { teamsOf } from "../../litellm/teams";
import { describeLiteLLMError } from "../api-errors";
import { liteLLMOwnedMetadataKeys } from "../server-rules/owned-metadata";
import { teamAttributes } from "./resource";

/** A list of strings, shown as a list even when empty (an output may take its length). */
const list = (pick: (v: unknown) => unknown = (v) => v): Codec => ({ ...stringList(), fromApi: (v) => (Array.isArray(v) ? v.map(pick).filter((x): x is string => typeof x === "string") : []) });
const shown = ["organization_id", "max_budget", "budget_duration", "tpm_limit", "rpm_limit", "guardrails", "tags", "model_rpm_limit", "model_tpm_limit", "blocked", "spend"];

const attributes: Record<string, AttributeDeclaration> = {
  ...Object.fromEntries(shown.map((name) => [name, teamAttributes[name]!])),
  team_id: { codec: text() },
  team_alias: { codec: text() },
  // JSON text here (a string attribute), without LiteLLM's own keys.
  metadata: { codec: jsonObjectText({ serverOwned: liteLLMOwnedMetadataKeys }) },
  models: { codec: list() },
  team_member_permissions: { codec: list() },
  member_user_ids: { field: "members", codec: list((m) => (m as { user_id: unknown }).user_id) },
};

export const teamDataSource = declareDataSource<LiteLLMClient>({
  typeName: "litellm_team",
  noun: "team",
  attributes,
  constraints: { team_id: { schema: { minLength: 1 }, expectation: "must not be empty" }, team_alias: { schema: { minLength: 1 }, expectation: "must not be empty" } },
  describeError: describeLiteLLMError,
  idOf: (t) => String(t.team_id),
  lookups: [
    { attribute: "team_id", find: async (ctx, id) => [await teamsOf(ctx.client).teamInfo(id, ctx.signal)].flatMap((t) => (t ? [{ ...t }] : [])) },
    { attribute: "team_alias", notUnique: "Team Alias Is Not Unique", find: async (ctx, alias) => (await teamsOf(ctx.client).listTeams(ctx.signal)).filter((t) => t.team_alias === alias).map((t) => ({ ...t })) },
  ],
});
