// In-place updates with real terraform: a member's role and budget, every team attribute set and cleared,
// members by email, and import IDs. The emulator has an enterprise licence here, which team admins need.
import { test } from "node:test";
import assert from "node:assert/strict";
import { adminCall, type TestEmulator } from "../support/emulator";
import { providerBlock, type Workspace } from "../support/terraform";
import { isEmpty, teamTestFile, stateOf, teamState } from "./team-support";

let emu: TestEmulator;
const workspaces = teamTestFile({ enterprise: true, resetEachTest: true }, (started) => (emu = started));

const membership = (extra: string) => `resource "litellm_team" "t" {
  team_alias = "platform"
}

resource "litellm_user" "u" {
  user_email = "member@example.com"
}

resource "litellm_team_member" "m" {
  team_id = litellm_team.t.team_id
  user_id = litellm_user.u.user_id
${extra}}
`;

const rewrite = (ws: Workspace, config: string) => ws.write({ "main.tf": `${providerBlock}\n${config}` });

async function memberOnServer(teamId: string, userId: string) {
  const state = await teamState(emu);
  const role = state.teams.find((t) => t.team_id === teamId)!.members_with_roles.find((m) => m.user_id === userId)?.role;
  const budget = state.team_memberships.find((m) => m.team_id === teamId && m.user_id === userId)?.litellm_budget_table?.max_budget ?? null;
  return { role, budget };
}

test("role and max_budget_in_team change in place", async () => {
  const ws = workspaces.create(membership(""));
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const before = (await stateOf(ws)).get("litellm_team_member.m")!;
  const [teamId, userId] = [String(before.team_id), String(before.user_id)];
  assert.equal(before.role, "user", "role defaults to user");
  assert.deepEqual(await memberOnServer(teamId, userId), { role: "user", budget: null });

  rewrite(ws, membership('  role               = "admin"\n  max_budget_in_team = 25\n'));
  const plan = await ws.ok(["plan", "-no-color"]);
  assert.match(plan.stdout, /litellm_team_member\.m will be updated in-place/);
  assert.match(plan.stdout, /~ role\s+= "user" -> "admin"/);
  assert.match(plan.stdout, /~ max_budget_in_team = 0 -> 25/);
  assert.match(plan.stdout, /Plan: 0 to add, 1 to change, 0 to destroy\./);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  assert.deepEqual(await memberOnServer(teamId, userId), { role: "admin", budget: 25 });
  const after = (await stateOf(ws)).get("litellm_team_member.m")!;
  assert.equal(after.id, before.id, "the same membership");
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  // Back to user, and the budget set to 0 (none of its own): both in place, and LiteLLM drops the member's budget.
  // (Leaving max_budget_in_team out would keep LiteLLM's value: it may come from the team's default member budget.)
  rewrite(ws, membership('  role               = "user"\n  max_budget_in_team = 0\n'));
  const back = await ws.ok(["plan", "-no-color"]);
  assert.match(back.stdout, /Plan: 0 to add, 1 to change, 0 to destroy\./);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  assert.deepEqual(await memberOnServer(teamId, userId), { role: "user", budget: null });
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  assert.ok(isEmpty(await teamState(emu)));
});

test("every team attribute is set, changed in place and cleared", async () => {
  const full = `resource "litellm_team" "t" {
  team_alias      = "research"
  models          = ["gpt-4o", "claude-3-sonnet"]
  max_budget      = 100
  budget_duration = "weekly"
  tpm_limit       = 5000
  rpm_limit       = 50
  metadata        = jsonencode({ owner = "research", cost_center = 42 })
  blocked         = true
}
`;
  const ws = workspaces.create(full);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const teamId = String((await stateOf(ws)).get("litellm_team.t")!.team_id);
  let row = (await teamState(emu)).teams.find((t) => t.team_id === teamId)!;
  assert.deepEqual(
    [row.team_alias, row.models, row.max_budget, row.budget_duration, row.tpm_limit, row.rpm_limit, row.metadata, row.blocked],
    ["research", ["gpt-4o", "claude-3-sonnet"], 100, "7d", 5000, 50, { owner: "research", cost_center: 42 }, true],
    "weekly is sent as 7d; metadata as an object",
  );
  const state = (await stateOf(ws)).get("litellm_team.t")!;
  assert.equal(state.budget_duration, "weekly", "state keeps the spelling written");
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  // LiteLLM keeps models as a set: the same models in another order are no change.
  rewrite(ws, full.replace('["gpt-4o", "claude-3-sonnet"]', '["claude-3-sonnet", "gpt-4o"]'));
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  rewrite(ws, full.replace("100", "250").replace('"weekly"', '"1mo"').replace("blocked         = true", "blocked         = false"));
  const change = await ws.ok(["plan", "-no-color"]);
  assert.match(change.stdout, /litellm_team\.t will be updated in-place/);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  row = (await teamState(emu)).teams.find((t) => t.team_id === teamId)!;
  assert.deepEqual([row.max_budget, row.budget_duration, row.blocked], [250, "1mo", false]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  // Only the alias left, and max_budget 0 (unlimited): everything else is cleared on LiteLLM, in place. A left-out
  // max_budget would keep LiteLLM's value, which a proxy's default_team_settings may have set.
  rewrite(ws, `resource "litellm_team" "t" {\n  team_alias = "research"\n  max_budget = 0\n}\n`);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  row = (await teamState(emu)).teams.find((t) => t.team_id === teamId)!;
  assert.deepEqual(
    [row.team_alias, row.models, row.max_budget, row.budget_duration, row.tpm_limit, row.rpm_limit, row.metadata, row.blocked],
    ["research", [], null, null, null, null, {}, false],
  );
  assert.equal(String((await stateOf(ws)).get("litellm_team.t")!.team_id), teamId, "the same team throughout");
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  // An import of the full team, configured with the friendlier spelling, plans clean.
  await adminCall(emu, "POST", "/team/update", { team_id: teamId, budget_duration: "7d", max_budget: 100 });
  const fresh = workspaces.create(`resource "litellm_team" "t" {\n  team_alias      = "research"\n  budget_duration = "weekly"\n  max_budget      = 100\n}\n`);
  await fresh.ok(["import", "-no-color", "litellm_team.t", teamId]);
  await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
});

test("a member given by email gets LiteLLM's user_id, and imports by team_id:user_id", async () => {
  const config = `resource "litellm_team" "t" {
  team_alias = "by-email"
}

resource "litellm_user" "u" {
  user_email = "by-email@example.com"
}

resource "litellm_team_member" "m" {
  team_id    = litellm_team.t.team_id
  user_email = litellm_user.u.user_email
}
`;
  const ws = workspaces.create(config);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const state = await stateOf(ws);
  const userId = String(state.get("litellm_user.u")!.user_id);
  const teamId = String(state.get("litellm_team.t")!.team_id);
  const member = state.get("litellm_team_member.m")!;
  assert.equal(member.user_id, userId);
  assert.equal(member.user_email, "by-email@example.com");
  assert.equal(member.id, `${teamId}:${userId}`);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  const fresh = workspaces.create(config);
  await fresh.ok(["import", "-no-color", "litellm_team.t", teamId]);
  await fresh.ok(["import", "-no-color", "litellm_user.u", userId]);
  await fresh.ok(["import", "-no-color", "litellm_team_member.m", `${teamId}:${userId}`]);
  await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  const bad = workspaces.create(`resource "litellm_team_member" "m" {\n  team_id = "x"\n  user_id = "y"\n}\n`);
  const noColon = await bad.ok(["import", "-no-color", "litellm_team_member.m", teamId], 1);
  assert.match(noColon.stderr.replace(/\s+/g, " "), /Invalid Import ID.*team_id:user_id/);
  const notMember = await bad.ok(["import", "-no-color", "litellm_team_member.m", `${teamId}:someone-else`], 1);
  assert.match(notMember.stderr, /Not A Team Member/);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
});
