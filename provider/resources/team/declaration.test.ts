// litellm_team's declaration: what LiteLLM receives, the state built from what it returns, and what means the same.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Dynamic, newObject, type TfObject, type TfValue } from "../../values/value";
import { changedArguments, createBody, same, stateFromRemote, updateBody } from "../../framework/declarative/mapping";
import { teamAttributes } from "./resource";

const obj = (o: Record<string, TfValue>): TfObject => newObject(Object.entries({ ...Object.fromEntries(Object.keys(teamAttributes).map((a) => [a, null])), ...o }));
const json = (text: string) => new Dynamic("string", text);
const planned = obj({ team_alias: "research", models: ["gpt-4o"], max_budget: 0, budget_duration: "weekly", metadata: json('{ "b": 1, "a": 2 }'), tpm_limit: 10, tags: ["prod"], prompts: ["p1"], blocked: false });

const server = {
  team_id: "t1", team_alias: "research", models: ["gpt-4o"], modelAccess: { models: ["gpt-4o"], teamModels: [] }, max_budget: null, budget_duration: "7d", tpm_limit: 10, rpm_limit: null,
  metadata: { a: 2, b: 1, tags: ["prod"], prompts: ["p1"], team_member_budget_id: "mb" }, blocked: false, organization_id: null, soft_budget: null,
  team_member_permissions: [], memberBudget: { max_budget: null, budget_duration: null, rpm_limit: null, tpm_limit: null }, model_aliases: {}, router_settings: {}, spend: 1.25,
};

test("what /team/new receives: LiteLLM's duration, metadata with the keys LiteLLM keeps there, null for unlimited", () => {
  assert.deepEqual(createBody(teamAttributes, planned), {
    team_alias: "research", models: ["gpt-4o"], max_budget: null, budget_duration: "7d", tpm_limit: 10, metadata: { b: 1, a: 2, tags: ["prod"], prompts: ["p1"] }, blocked: false,
  });
  assert.deepEqual(createBody(teamAttributes, obj({ tags: [], blocked: false })), { blocked: false }, "an empty key starts no metadata");
});

test("what /team/update receives: only changes, clearing values, metadata whole with LiteLLM's own keys, the member budget as one", () => {
  const prior = obj({ ...planned, max_budget: 50, blocked: true, team_member_budget: 5, team_member_budget_duration: "weekly" });
  const next = obj({ ...planned, tpm_limit: null, prompts: null, team_member_budget: 7, team_member_budget_duration: "weekly" });
  const changed = changedArguments(teamAttributes, prior, next);
  assert.deepEqual(updateBody(teamAttributes, changed, next, server), {
    max_budget: null, tpm_limit: null, blocked: false, team_member_budget: 7, team_member_budget_duration: "7d", team_member_rpm_limit: null, team_member_tpm_limit: null,
    metadata: { b: 1, a: 2, tags: ["prod"], team_member_budget_id: "mb" },
  });
  const cleared = obj({ blocked: false });
  const all = changedArguments(teamAttributes, obj({ models: ["m"], metadata: json('{"a":1}'), team_alias: "x", tags: ["t"], blocked: false }), cleared);
  assert.deepEqual(updateBody(teamAttributes, all, cleared, server), { team_alias: null, models: [], metadata: { team_member_budget_id: "mb", prompts: ["p1"] } });
});

test("state keeps the configuration's spelling where it means the same as LiteLLM's", () => {
  const state = newObject();
  stateFromRemote({ attributes: teamAttributes }, state, server, planned);
  assert.equal(state.budget_duration, "weekly");
  assert.deepEqual(state.metadata, json('{ "b": 1, "a": 2 }'));
  assert.deepEqual([state.max_budget, state.spend, state.tags, state.prompts], [0, 1.25, ["prod"], ["p1"]], "no budget is 0");

  const imported = newObject();
  stateFromRemote({ attributes: teamAttributes }, imported, { ...server, models: [], modelAccess: { models: [], teamModels: [] }, metadata: { owner: "x" }, max_budget: 0 }, null);
  assert.deepEqual([imported.budget_duration, imported.metadata, imported.models, imported.rpm_limit, imported.team_member_budget], ["7d", json('{"owner":"x"}'), null, null, null]);
  assert.equal(imported.max_budget, null, "a $0 cap is not unlimited");
  const asMap = newObject();
  stateFromRemote({ attributes: teamAttributes }, asMap, server, obj({ metadata: new Dynamic(["map", "number"], newObject([["a", 3]])) }));
  assert.ok(asMap.metadata instanceof Dynamic && asMap.metadata.type !== "string", "LiteLLM's object in the form the user wrote");
});

test("equivalences", () => {
  const eq = (a: string, x: TfValue, y: TfValue) => same(teamAttributes[a]!, x, y);
  assert.ok(eq("budget_duration", "weekly", "1w"));
  assert.ok(eq("budget_duration", "monthly", "30d"), "LiteLLM resets both on the 1st of next month");
  assert.ok(!eq("budget_duration", "monthly", "14d"));
  assert.ok(!eq("max_budget", 0, null), "null is a $0 cap, not unlimited");
  assert.ok(eq("max_budget", null, null));
  assert.ok(eq("tags", [], null));
  assert.ok(eq("models", [], null));
  assert.ok(eq("metadata", json("{}"), null));
  assert.ok(eq("metadata", json('{"a":1}'), new Dynamic(["object", { a: "number" }], newObject([["a", 1]]))), "text and map forms");
  assert.ok(eq("model_aliases", newObject(), null));
  assert.ok(eq("team_member_budget", 0, null), "no member budget");
  assert.ok(!eq("tpm_limit", 0, null), "a limit of 0 is not no limit");
});
