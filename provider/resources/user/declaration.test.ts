import { test } from "node:test";
import assert from "node:assert/strict";
import { Dynamic, newObject, type TfObject, type TfValue } from "../../values/value";
import { dynamicOfJson } from "../../values/json-value";
import type { LiteLLMUser } from "../../litellm/types";
import { changedArguments, createBody, same, stateFromRemote, updateBody } from "../../framework/declarative";
import { userAttributes } from "./declaration";

// The user row as the declaration reads it (resource.ts adds the key and the teams it manages).
const rowStateFromServer = (state: TfObject, user: LiteLLMUser, base: TfObject | null) => stateFromRemote({ attributes: userAttributes }, state, user as unknown as Record<string, unknown>, base);

const obj = (o: Record<string, TfValue>): TfObject => newObject(Object.entries(o));

const plannedUser = obj({
  user_email: "Dev@Company.com",
  user_alias: "dev",
  user_role: "admin",
  max_budget: 0,
  budget_duration: "weekly",
  tpm_limit: 100000,
  rpm_limit: null,
  models: ["gpt-4"],
  metadata: '{ "team": "Backend", "department": "Engineering" }',
});

const serverUser: LiteLLMUser = {
  user_id: "u1",
  user_email: "Dev@Company.com",
  user_alias: "dev",
  user_role: "proxy_admin",
  max_budget: null,
  budget_duration: "7d",
  tpm_limit: 100000,
  rpm_limit: null,
  models: ["gpt-4"],
  metadata: { department: "Engineering", team: "Backend" },
  max_parallel_requests: null,
  model_max_budget: {},
  teams: [],
  spend: 1.5,
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-02T00:00:00.000Z",
};

test("what /user/new receives: native role and duration, parsed metadata, no budget for 0", () => {
  assert.deepEqual(createBody(userAttributes, plannedUser), {
    user_email: "Dev@Company.com",
    user_alias: "dev",
    user_role: "proxy_admin",
    max_budget: null,
    budget_duration: "7d",
    tpm_limit: 100000,
    models: ["gpt-4"],
    metadata: { team: "Backend", department: "Engineering" },
  });
});

test("state keeps the user's spelling where it means the same as LiteLLM's", () => {
  const state = newObject();
  rowStateFromServer(state, serverUser, plannedUser);
  assert.equal(state.user_role, "admin");
  assert.equal(state.budget_duration, "weekly");
  assert.equal(state.metadata, '{ "team": "Backend", "department": "Engineering" }');
  assert.equal(state.max_budget, 0);
  assert.equal(state.spend, 1.5);
  assert.equal(state.id, "u1");
  assert.equal(state.key, null, "the key is never read from LiteLLM");
});

test("state takes LiteLLM's value where it differs, in canonical form", () => {
  const state = newObject();
  rowStateFromServer(state, { ...serverUser, user_role: "internal_user", metadata: { z: 1, a: 2 }, models: [] }, plannedUser);
  assert.equal(state.user_role, "internal_user");
  assert.deepEqual(state.metadata, new Dynamic("string", '{"a":2,"z":1}'), "JSON text, as the plan wrote it");
  assert.equal(state.models, null);
  const asMap = newObject();
  rowStateFromServer(asMap, { ...serverUser, metadata: { z: "1" } }, { ...plannedUser, metadata: dynamicOfJson({ a: "2" }) });
  assert.deepEqual(asMap.metadata, dynamicOfJson({ z: "1" }), "an object, as the plan wrote it");
});

test("updates send only what changed, with the clears LiteLLM honours; the key settings and teams are never user fields", () => {
  const prior = obj({ ...plannedUser, user_alias: "old", max_budget: 50, user_role: "admin", key_alias: "a", teams: ["t1"] });
  const planned = obj({ ...plannedUser, user_alias: null, max_budget: 0, user_role: "admin", key_alias: "b", teams: ["t2"] });
  const changed = changedArguments(userAttributes, prior, planned);
  assert.deepEqual(updateBody(userAttributes, changed, planned, null), { user_alias: "", max_budget: null });
});

test("equivalences", () => {
  const isEquivalent = (a: string, x: TfValue, y: TfValue) => same(userAttributes[a]!, x, y);
  assert.ok(!isEquivalent("max_budget", 0, null), "null in state is a $0 cap");
  assert.ok(isEquivalent("max_budget", 0, 0));
  assert.ok(isEquivalent("model_rpm_limit", {}, null));
  assert.ok(isEquivalent("models", null, []));
  assert.ok(isEquivalent("user_email", "A@B.com", "a@b.com"));
  assert.ok(isEquivalent("user_role", "user", "internal_user"));
  assert.ok(isEquivalent("user_role", "customer", "internal_user"));
  assert.ok(!isEquivalent("user_role", "admin", "internal_user"));
  assert.ok(isEquivalent("metadata", null, "{}"));
});
