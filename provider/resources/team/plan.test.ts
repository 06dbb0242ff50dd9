// litellm_team validation and planning through the real ProviderService, values encoded as Terraform sends them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { isUnknown } from "../../values/value";
import { throughService } from "../wire.test-support";

const { service, config, enc, plan } = throughService("litellm_team");

const prior = config({ id: "t1", team_id: "t1", team_alias: "research", budget_duration: "weekly", metadata: '{"b":1,"a":2}', max_budget: 0, blocked: false, spend: 3 });

test("validate: budgets, limits, durations and metadata", async () => {
  const res = await service.ValidateResourceConfig({
    type_name: "litellm_team",
    config: enc(config({ team_alias: "", max_budget: -1, tpm_limit: 1.5, budget_duration: "2mo", metadata: "[1]", models: [""] })),
  });
  const attributes = res.diagnostics.map((d) => d.attribute?.steps[0]?.attribute_name).sort();
  assert.deepEqual(attributes, ["budget_duration", "max_budget", "metadata", "models", "team_alias", "tpm_limit"]);
  const ok = await service.ValidateResourceConfig({ type_name: "litellm_team", config: enc(config({ team_alias: "a", budget_duration: "monthly", max_budget: 0 })) });
  assert.deepEqual(ok.diagnostics, []);
});

test("create: blocked false; the IDs, spend and what LiteLLM may fill (max_budget from default_team_settings, tags, ...) unknown", async () => {
  const { planned, diagnostics } = await plan(config({ team_alias: "research" }), null);
  assert.deepEqual(diagnostics, []);
  assert.equal(planned.blocked, false);
  for (const a of ["id", "team_id", "spend", "max_budget", "guardrails", "tags", "model_rpm_limit", "model_tpm_limit"]) assert.ok(isUnknown(planned[a]), a);
  const zero = await plan(config({ team_alias: "research", max_budget: 0 }), null);
  assert.equal(zero.planned.max_budget, 0, "0 is unlimited, as written");
});

test("update: a left-out budget keeps LiteLLM's; a $0 cap (null in state) is drift the plan removes", async () => {
  const kept = await plan(config({ team_alias: "research", budget_duration: "weekly", metadata: '{"b":1,"a":2}' }), config({ ...Object.fromEntries(Object.entries(prior)), max_budget: 25 }));
  assert.equal(kept.planned.max_budget, 25);
  assert.deepEqual(kept.diagnostics, []);
  const capped = await plan(config({ team_alias: "research", budget_duration: "weekly", metadata: '{"b":1,"a":2}' }), config({ ...Object.fromEntries(Object.entries(prior)), max_budget: null }));
  assert.equal(capped.planned.max_budget, 0);
  assert.deepEqual(capped.diagnostics.map((d) => d.summary), ["LiteLLM Holds A $0 Budget"]);
});

test("validate: metadata may not name a key LiteLLM owns", async () => {
  const res = await service.ValidateResourceConfig({ type_name: "litellm_team", config: enc(config({ metadata: '{"tags":["a"],"team_member_budget_id":"b","owner":"x"}' })) });
  assert.deepEqual(res.diagnostics.map((d) => d.summary), ["Metadata Key Belongs To LiteLLM", "Metadata Key Belongs To LiteLLM"]);
  assert.match(res.diagnostics[0]!.detail ?? "", /Use the tags argument/);
});

test("no change: an equivalent spelling keeps what state has, and spend stays known", async () => {
  const { planned, replace } = await plan(config({ team_alias: "research", budget_duration: "7d", metadata: '{ "a": 2, "b": 1 }' }), prior);
  assert.deepEqual(replace, []);
  assert.equal(planned.budget_duration, "weekly");
  assert.equal(planned.metadata, '{"b":1,"a":2}');
  assert.equal(planned.spend, 3);
});

test("a change is in place, and spend becomes unknown", async () => {
  const { planned, replace } = await plan(config({ team_alias: "renamed", budget_duration: "weekly", metadata: '{"b":1,"a":2}' }), prior);
  assert.deepEqual(replace, []);
  assert.equal(planned.team_alias, "renamed");
  assert.equal(planned.team_id, "t1");
  assert.ok(isUnknown(planned.spend));
});
