// Issue 12, litellm_team and litellm_team_member against a configured proxy: default_team_settings, the team's
// default member budget, LiteLLM's own keys in a team's metadata, $0 caps, and a membership that already exists.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { providerBlock } from "../support/terraform";
import { apply, changeOf, planIsClean, savedPlan, stateOf } from "./user-support";
import { startConfiguredProxy, type ConfiguredProxy } from "./configured-proxy-support";

let proxy: ConfiguredProxy;
before(async () => {
  proxy = await startConfiguredProxy();
  for (const id of ["ann", "bob"]) {
    const made = await proxy.call("POST", "/user/new", { user_id: id, user_email: `${id}@example.com`, user_role: "internal_user", auto_create_key: false });
    assert.equal(made.status, 200);
  }
});
after(async () => {
  await proxy.close();
});

const tf = (body: string) => `${providerBlock}\n${body}\n`;

async function serverTeam(teamId: string): Promise<Record<string, any>> {
  const res = await proxy.call("GET", `/team/info?team_id=${encodeURIComponent(teamId)}`);
  assert.equal(res.status, 200);
  return res.body;
}

test("a team without max_budget takes default_team_settings' budget; with 0 it is unlimited; both plan clean", async () => {
  const ws = proxy.workspace(tf(`resource "litellm_team" "a" {\n  team_alias = "defaults"\n}\n\nresource "litellm_team" "b" {\n  team_alias = "unlimited"\n  max_budget = 0\n}`));
  await apply(ws);
  const a = await stateOf(ws, "litellm_team.a");
  const b = await stateOf(ws, "litellm_team.b");
  assert.equal(a.max_budget, 50);
  assert.equal(b.max_budget, 0);
  assert.equal((await serverTeam(String(b.team_id))).team_info.max_budget, null);
  await planIsClean(ws);

  // A $0 cap set outside Terraform is drift that the plan removes.
  await proxy.call("POST", "/team/update", { team_id: b.team_id, max_budget: 0 });
  const plan = await savedPlan(ws, 2);
  assert.deepEqual([changeOf(plan, "litellm_team.b").before?.max_budget, changeOf(plan, "litellm_team.b").after?.max_budget], [null, 0]);
  assert.ok(plan.diagnostics.some((d) => d.summary === "LiteLLM Holds A $0 Budget"));
  await apply(ws, ["plan.bin"]);
  assert.equal((await serverTeam(String(b.team_id))).team_info.max_budget, null);
  await planIsClean(ws);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
});

test("a team made in LiteLLM with tags, guardrails and a default member budget: import plans clean, updates keep them, members get the budget", async () => {
  const made = await proxy.call("POST", "/team/new", { team_id: "ui-team", team_alias: "ui", tags: ["prod"], guardrails: ["pii"], team_member_budget: 7, metadata: { owner: "ops" } });
  assert.equal(made.status, 200);
  const config = (owner: string, extra = "") => tf(`resource "litellm_team" "t" {
  team_alias = "ui"
  metadata   = jsonencode({ owner = "${owner}" })
${extra}}

resource "litellm_team_member" "ann" {
  team_id = litellm_team.t.team_id
  user_id = "ann"
}

resource "litellm_team_member" "bob" {
  team_id            = litellm_team.t.team_id
  user_id            = "bob"
  max_budget_in_team = 0
}`);
  const ws = proxy.workspace(config("ops"));
  await ws.ok(["import", "-no-color", "litellm_team.t", "ui-team"]);
  const imported = await stateOf(ws, "litellm_team.t");
  assert.deepEqual([imported.metadata, imported.tags, imported.guardrails, imported.max_budget], ['{"owner":"ops"}', ["prod"], ["pii"], 50]);

  await apply(ws);
  const ann = await stateOf(ws, "litellm_team_member.ann");
  const bob = await stateOf(ws, "litellm_team_member.bob");
  assert.equal(ann.max_budget_in_team, 7, "left out: the team's default member budget");
  assert.equal(bob.max_budget_in_team, 0, "0: no budget of its own, the copied default removed");
  await planIsClean(ws);

  ws.write({ "main.tf": config("platform", '  tags       = ["prod", "eu"]\n') });
  await apply(ws);
  const metadata = (await serverTeam("ui-team")).team_info.metadata;
  assert.deepEqual([metadata.owner, metadata.tags, metadata.guardrails, typeof metadata.team_member_budget_id], ["platform", ["prod", "eu"], ["pii"], "string"], "LiteLLM's keys survive the update");
  await planIsClean(ws);

  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
});

test("a membership that already exists is not adopted: the create fails with the import line, and the import plans clean", async () => {
  const made = await proxy.call("POST", "/team/new", { team_id: "has-ann", team_alias: "has-ann" });
  assert.equal(made.status, 200);
  // Added in the UI with both user_id and email: LiteLLM's duplicate check would let a second add through with 200.
  assert.equal((await proxy.call("POST", "/team/member_add", { team_id: "has-ann", member: { user_id: "ann", user_email: "ann@example.com", role: "user" } })).status, 200);
  const member = `resource "litellm_team_member" "ann" {\n  team_id    = "has-ann"\n  user_email = "ann@example.com"\n}`;
  const ws = proxy.workspace(tf(member));
  const out = await apply(ws, ["-auto-approve"], 1);
  assert.match(out, /Already A Team Member/);
  assert.match(out.replace(/\s+/g, " "), /terraform import <address> has-ann:ann/);
  assert.equal((await stateOf(ws, "litellm_team_member.ann").catch(() => null)), null, "nothing was adopted into state");

  const adopt = proxy.workspace(tf(member.replace('user_email = "ann@example.com"', 'user_id = "ann"')));
  await adopt.ok(["import", "-no-color", "litellm_team_member.ann", "has-ann:ann"]);
  await planIsClean(adopt);
});
