// litellm_team_member validation and planning through the real ProviderService, values encoded as Terraform sends them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { isUnknown, unknown, type TfValue } from "../../values/value";
import { throughService } from "../wire.test-support";

const { service, config, enc, plan } = throughService("litellm_team_member");

const validate = async (o: Record<string, TfValue>) =>
  (await service.ValidateResourceConfig({ type_name: "litellm_team_member", config: enc(config({ team_id: "t1", ...o })) })).diagnostics.map((d) => d.summary);

const prior = config({ id: "t1:u1", team_id: "t1", user_id: "u1", user_email: null, role: "user", max_budget_in_team: 0 });

test("validate: user_id, user_email or both (the peers' shape), a known role, a budget of 0 or more", async () => {
  assert.deepEqual(await validate({ user_id: "u1" }), []);
  assert.deepEqual(await validate({ user_email: "a@b.co" }), []);
  assert.deepEqual(await validate({}), ["Missing User"]);
  assert.deepEqual(await validate({ user_id: "u1", user_email: "a@b.co" }), [], "whether they name the same user is checked at plan");
  assert.deepEqual(await validate({ user_id: unknown }), [], "an unknown user_id is checked at apply");
  assert.deepEqual((await validate({ user_id: "u1", role: "owner", max_budget_in_team: -1 })).sort(), ["Invalid Attribute Value", "Invalid Attribute Value"]);
  assert.deepEqual(await validate({ user_id: "u1", team_id: "a:b" }), ["Invalid Attribute Value"]);
});

test("create: role defaults to user, no budget is LiteLLM's to fill (the team's default member budget), the ID is known when both IDs are", async () => {
  const { planned, diagnostics } = await plan(config({ team_id: "t1", user_id: "u1" }), null);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual([planned.role, planned.id], ["user", "t1:u1"]);
  assert.ok(isUnknown(planned.max_budget_in_team));
  const later = await plan(config({ team_id: unknown, user_id: "u1" }), null);
  assert.ok(isUnknown(later.planned.id));
});

test("role and budget change in place; the team or the user replaces the membership", async () => {
  const inPlace = await plan(config({ team_id: "t1", user_id: "u1", role: "admin", max_budget_in_team: 5 }), prior);
  assert.deepEqual(inPlace.replace, []);
  assert.deepEqual([inPlace.planned.role, inPlace.planned.max_budget_in_team, inPlace.planned.id], ["admin", 5, "t1:u1"]);

  const otherTeam = await plan(config({ team_id: "t2", user_id: "u1" }), prior);
  assert.deepEqual(otherTeam.replace, ["team_id"]);
  assert.ok(isUnknown(otherTeam.planned.id));
  assert.deepEqual((await plan(config({ team_id: "t1", user_id: "u2" }), prior)).replace, ["user_id"]);
  assert.deepEqual((await plan(config({ team_id: unknown, user_id: "u1" }), prior)).replace, ["team_id"], "a team being replaced replaces the membership");
});

test("a $0 cap LiteLLM holds (null in state) is drift: the plan removes it and warns", async () => {
  const capped = config({ ...Object.fromEntries(Object.entries(prior)), max_budget_in_team: null });
  for (const budget of [null, 0]) {
    const { planned, diagnostics } = await plan(config({ team_id: "t1", user_id: "u1", max_budget_in_team: budget }), capped);
    assert.equal(planned.max_budget_in_team, 0, String(budget));
    assert.deepEqual(diagnostics.map((d) => d.summary), ["LiteLLM Holds A $0 Budget"]);
  }
  const kept = await plan(config({ team_id: "t1", user_id: "u1" }), config({ ...Object.fromEntries(Object.entries(prior)), max_budget_in_team: 40 }));
  assert.equal(kept.planned.max_budget_in_team, 40, "left out: LiteLLM's budget stays");
});

test("no change: a budget of 0 and the configured user_id plan nothing", async () => {
  const { planned, replace } = await plan(config({ team_id: "t1", user_id: "u1", role: "user" }), prior);
  assert.deepEqual(replace, []);
  for (const a of ["id", "role", "max_budget_in_team", "user_email"]) assert.deepEqual(planned[a], prior[a], a);
});
