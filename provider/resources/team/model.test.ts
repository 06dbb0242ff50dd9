import { test } from "node:test";
import assert from "node:assert/strict";
import { newObject, type TfObject, type TfValue } from "../../values/value";
import type { LiteLLMTeam } from "../../litellm/teams";
import { fieldsForCreate, fieldsForUpdate, isEquivalent, teamStateFromServer } from "./model";

const obj = (o: Record<string, TfValue>): TfObject => newObject(Object.entries(o));
const empty = { team_alias: null, models: null, max_budget: 0, budget_duration: null, tpm_limit: null, rpm_limit: null, metadata: null, blocked: false };

const planned = obj({ ...empty, team_alias: "research", models: ["gpt-4o"], budget_duration: "weekly", metadata: '{ "b": 1, "a": 2 }', tpm_limit: 10 });

const server: LiteLLMTeam = {
  team_id: "t1",
  team_alias: "research",
  models: ["gpt-4o"],
  max_budget: null,
  budget_duration: "7d",
  tpm_limit: 10,
  rpm_limit: null,
  metadata: { a: 2, b: 1 },
  blocked: false,
  organization_id: null, soft_budget: null, team_member_permissions: [], memberBudget: { max_budget: null, budget_duration: null, rpm_limit: null, tpm_limit: null }, model_aliases: {}, router_settings: {}, 
  spend: 1.25,
  members: [],
  memberBudgets: new Map(),
};

test("what /team/new receives: LiteLLM's duration, the parsed metadata, nothing for unset or unlimited", () => {
  assert.deepEqual(fieldsForCreate(planned), { team_alias: "research", models: ["gpt-4o"], budget_duration: "7d", tpm_limit: 10, metadata: { b: 1, a: 2 } });
});

test("what /team/update receives: only changes, and the clearing value for a removed attribute", () => {
  const prior = obj({ ...planned, max_budget: 50, blocked: true });
  const next = obj({ ...empty, team_alias: "research", models: ["gpt-4o"], budget_duration: "weekly", metadata: '{ "b": 1, "a": 2 }' });
  assert.deepEqual(fieldsForUpdate(prior, next), { max_budget: null, tpm_limit: null, blocked: false });
  assert.deepEqual(fieldsForUpdate(obj({ ...empty, models: ["m"], metadata: '{"a":1}', team_alias: "x" }), obj(empty)), { team_alias: null, models: [], metadata: {} });
});

test("state keeps the configuration's spelling where it means the same as LiteLLM's", () => {
  const state = newObject();
  teamStateFromServer(state, server, planned);
  assert.equal(state.budget_duration, "weekly");
  assert.equal(state.metadata, '{ "b": 1, "a": 2 }');
  assert.equal(state.max_budget, 0, "no budget is 0");
  assert.equal(state.spend, 1.25);
  assert.equal(state.id, "t1");

  const imported = newObject();
  teamStateFromServer(imported, { ...server, models: [], metadata: {} }, null);
  assert.deepEqual([imported.budget_duration, imported.metadata, imported.models, imported.rpm_limit], ["7d", null, null, null]);
});

test("equivalences", () => {
  assert.ok(isEquivalent("budget_duration", "weekly", "1w"));
  assert.ok(isEquivalent("budget_duration", "monthly", "30d"), "LiteLLM resets both on the 1st of next month");
  assert.ok(!isEquivalent("budget_duration", "monthly", "14d"));
  assert.ok(!isEquivalent("max_budget", 0, null), "null is a $0 cap, not unlimited");
  assert.ok(isEquivalent("max_budget", null, null));
  assert.ok(isEquivalent("tags", [], null));
  assert.ok(isEquivalent("models", [], null));
  assert.ok(isEquivalent("metadata", "{}", null));
  assert.ok(isEquivalent("blocked", false, null));
  assert.ok(!isEquivalent("tpm_limit", 0, null), "a limit of 0 is not no limit");
});
