// The four listing data sources.
import { managementOf } from "../../litellm/management";
import { listingDataSource } from "./listing";

export const usersDataSource = listingDataSource({
  typeName: "litellm_users",
  noun: "Users",
  listAttribute: "users",
  filters: { user_role: "role", team_id: "team" },
  list: (ctx, q) => managementOf(ctx.client).listUsers(q, ctx.signal),
  item: { user_id: { kind: "string" }, user_email: { kind: "string" }, user_alias: { kind: "string" }, user_role: { kind: "string" }, spend: { kind: "number" }, max_budget: { kind: "number" } },
});

export const teamsDataSource = listingDataSource({
  typeName: "litellm_teams",
  noun: "Teams",
  listAttribute: "teams",
  filters: { organization_id: "organization_id", user_id: "user_id" },
  list: (ctx, q) => managementOf(ctx.client).listTeams(q, ctx.signal),
  item: { team_id: { kind: "string" }, team_alias: { kind: "string" }, models: { kind: "strings" }, max_budget: { kind: "number" }, spend: { kind: "number" }, blocked: { kind: "bool" } },
});

export const keysDataSource = listingDataSource({
  typeName: "litellm_keys",
  noun: "Keys",
  listAttribute: "keys",
  filters: { user_id: "user_id", team_id: "team_id", organization_id: "organization_id", key_alias: "key_alias" },
  list: (ctx, q) => managementOf(ctx.client).listKeys(q, ctx.signal),
  item: {
    token: { kind: "string" }, key_alias: { kind: "string" }, key_name: { kind: "string" }, user_id: { kind: "string" }, team_id: { kind: "string" },
    models: { kind: "strings" }, spend: { kind: "number" }, max_budget: { kind: "number" }, blocked: { kind: "bool" }, expires: { kind: "string" },
  },
});

export const modelsDataSource = listingDataSource({
  typeName: "litellm_models",
  noun: "Models",
  listAttribute: "models",
  filters: { model_name: "model", search: "search" },
  list: (ctx, q) => managementOf(ctx.client).listModels(q, ctx.signal),
  item: {
    model_id: { from: "model_info.id", kind: "string" }, model_name: { kind: "string" }, model: { from: "litellm_params.model", kind: "string" },
    api_base: { from: "litellm_params.api_base", kind: "string" }, litellm_credential_name: { from: "litellm_params.litellm_credential_name", kind: "string" },
    mode: { from: "model_info.mode", kind: "string" }, access_groups: { from: "model_info.access_groups", kind: "strings" },
  },
});
