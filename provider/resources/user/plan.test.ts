// litellm_user planning through the real ProviderService, with values encoded as Terraform sends them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeDynamicValue } from "../../protocol/codec";
import { isUnknown, unknown, type TfValue } from "../../values/value";
import { throughService } from "../wire.test-support";
import { writePrivate } from "./key-state";

const { type, service, config, enc, plan } = throughService("litellm_user");

const priorState = config({
  id: "u1",
  user_id: "u1",
  user_email: "alice@example.com",
  user_role: "admin",
  max_budget: 10,
  budget_duration: "daily",
  tpm_limit: 5,
  models: ["gpt-4o"],
  metadata: '{"b":1,"a":2}',
  auto_create_key: false,
  spend: 0,
  created_at: "2026-01-01T00:00:00Z",
  updated_at: "2026-01-01T00:00:00Z",
});

test("create: defaults are planned; server-made values, and what a proxy's defaults may fill, are unknown", async () => {
  const { planned, diagnostics } = await plan(config({ user_email: "a@b.co" }), null);
  assert.deepEqual(diagnostics, []);
  assert.equal(planned.user_role, "user");
  assert.equal(planned.auto_create_key, false);
  assert.equal(planned.key, null, "no key without auto_create_key");
  for (const a of ["max_budget", "budget_duration", "tpm_limit", "rpm_limit", "models", "metadata", "guardrails", "tags", "model_rpm_limit", "model_tpm_limit"]) {
    assert.ok(isUnknown(planned[a]), a);
  }
  for (const a of ["id", "user_id", "spend", "created_at", "updated_at"]) assert.ok(isUnknown(planned[a]), a);
  const set = await plan(config({ user_email: "a@b.co", max_budget: 0, models: ["gpt-4o"] }), null);
  assert.deepEqual([set.planned.max_budget, set.planned.models], [0, ["gpt-4o"]], "what the configuration sets is planned as written");
});

test("create with auto_create_key plans an unknown key", async () => {
  const { planned } = await plan(config({ user_email: "a@b.co", auto_create_key: true, key_alias: "k" }), null);
  assert.ok(isUnknown(planned.key));
});

test("no change: equivalent spellings keep what state has", async () => {
  const cfg = config({
    user_email: "Alice@Example.com",
    user_role: "proxy_admin",
    max_budget: 10,
    budget_duration: "1d",
    tpm_limit: 5,
    models: ["gpt-4o"],
    metadata: '{ "a": 2, "b": 1 }',
  });
  const { planned, replace } = await plan(cfg, priorState);
  assert.deepEqual(replace, []);
  for (const a of Object.keys(priorState)) assert.deepEqual(planned[a], priorState[a], a);
});

test("update: a real change makes updated_at and spend unknown and keeps the rest", async () => {
  const cfg = config({ user_email: "alice@example.com", user_role: "admin", max_budget: 20, budget_duration: "daily", tpm_limit: 5, models: ["gpt-4o"], metadata: '{"b":1,"a":2}' });
  const { planned } = await plan(cfg, priorState);
  assert.equal(planned.max_budget, 20);
  assert.ok(isUnknown(planned.updated_at));
  assert.ok(isUnknown(planned.spend));
  assert.equal(planned.created_at, priorState.created_at);
  assert.equal(planned.user_id, "u1");
});

test("changing user_id replaces the user", async () => {
  const cfg = config({ user_id: "u2", user_email: "alice@example.com", user_role: "admin", max_budget: 10, budget_duration: "daily", tpm_limit: 5, models: ["gpt-4o"], metadata: '{"b":1,"a":2}' });
  const { replace } = await plan(cfg, priorState);
  assert.deepEqual(replace, ["user_id"]);
});

test("an argument left out keeps LiteLLM's value, with no change and no warning", async () => {
  const cfg = config({ user_email: "alice@example.com", user_role: "admin", budget_duration: "daily", models: ["gpt-4o"], metadata: '{"b":1,"a":2}' });
  const { planned, diagnostics } = await plan(cfg, priorState);
  assert.deepEqual([planned.tpm_limit, planned.max_budget], [5, 10]);
  assert.deepEqual(diagnostics, []);
  assert.equal(planned.updated_at, priorState.updated_at, "no change");
});

test("max_budget = 0 plans unlimited; a $0 cap LiteLLM holds (null in state) is drift the plan removes", async () => {
  const cfg = config({ user_email: "alice@example.com", user_role: "admin", max_budget: 0, budget_duration: "daily", tpm_limit: 5, models: ["gpt-4o"], metadata: '{"b":1,"a":2}' });
  assert.equal((await plan(cfg, priorState)).planned.max_budget, 0);
  const capped = config({ ...Object.fromEntries(Object.entries(priorState)), max_budget: null });
  for (const budget of [0, null]) {
    const { planned, diagnostics } = await plan(config({ ...Object.fromEntries(Object.entries(cfg)), max_budget: budget }), capped);
    assert.equal(planned.max_budget, 0, String(budget));
    assert.deepEqual(diagnostics.map((d) => d.summary), ["LiteLLM Holds A $0 Budget"]);
    assert.ok(isUnknown(planned.updated_at), "an update");
  }
});

test("emptying models is refused at plan with the attribute's path", async () => {
  const cfg = config({ user_email: "alice@example.com", user_role: "admin", max_budget: 10, budget_duration: "daily", tpm_limit: 5, models: [], metadata: '{"b":1,"a":2}' });
  const { diagnostics } = await plan(cfg, priorState);
  const error = diagnostics.find((d) => d.severity === 1);
  assert.ok(error);
  assert.deepEqual(error.attribute?.steps.map((s) => s.attribute_name), ["models"]);
});

test("key: re-issued when key_alias changes, kept otherwise, dropped when turned off", async () => {
  const withKey = config({ ...Object.fromEntries(Object.entries(priorState)), auto_create_key: true, key_alias: "a", key: "sk-secret" });
  const priv = writePrivate({ keyToken: "abc" });
  const base = { user_email: "alice@example.com", user_role: "admin", max_budget: 10, budget_duration: "daily", tpm_limit: 5, models: ["gpt-4o"], metadata: '{"b":1,"a":2}' };
  const same = await plan(config({ ...base, auto_create_key: true, key_alias: "a" }), withKey, priv);
  assert.equal(same.planned.key, "sk-secret");
  const renamed = await plan(config({ ...base, auto_create_key: true, key_alias: "b" }), withKey, priv);
  assert.ok(isUnknown(renamed.planned.key));
  const off = await plan(config({ ...base, auto_create_key: false }), withKey, priv);
  assert.equal(off.planned.key, null);
  assert.ok(off.diagnostics.some((d) => /Key Will Be Deleted/.test(d.summary)));
  const lost = await plan(config({ ...base, auto_create_key: true, key_alias: "a" }), withKey, writePrivate({ keyToken: null }));
  assert.ok(isUnknown(lost.planned.key), "a key gone out of band is re-created");
});

test("destroy plans null", async () => {
  const res = await service.PlanResourceChange({ type_name: "litellm_user", prior_state: enc(priorState), proposed_new_state: enc(null), config: enc(null), prior_private: new Uint8Array() });
  assert.equal(decodeDynamicValue(res.planned_state, type), null);
  assert.deepEqual(res.diagnostics, []);
});

test("validation names the attribute and accepts unknown values", async () => {
  const validate = (o: Record<string, TfValue>) =>
    service.ValidateResourceConfig({ type_name: "litellm_user", config: enc(config({ user_email: "a@b.co", ...o })) });
  const bad = await validate({ user_role: "owner", budget_duration: "yearly", metadata: "[1]", max_budget: -1, tpm_limit: 1.5, user_email: "nope" });
  const paths = bad.diagnostics.map((d) => d.attribute?.steps[0].attribute_name).sort();
  assert.deepEqual(paths, ["budget_duration", "max_budget", "metadata", "tpm_limit", "user_email", "user_role"]);
  assert.ok(bad.diagnostics.every((d) => d.severity === 1));
  const ok = await validate({ user_role: unknown, budget_duration: unknown, metadata: unknown, max_budget: 0, user_email: unknown });
  assert.deepEqual(ok.diagnostics, []);
});
