// Drift and ownership with real terraform: a team, a membership or a member user deleted outside Terraform is
// recreated by the next plan, and memberships never show up as a change of litellm_user.
import { test } from "node:test";
import assert from "node:assert/strict";
import { adminCall, type TestEmulator } from "../support/emulator";
import { isEmpty, teamTestFile, stateOf, teamState } from "./team-support";

const config = `resource "litellm_team" "backend" {
  team_alias = "backend-team"
}

resource "litellm_user" "dev" {
  user_email = "drift-dev@example.com"
}

resource "litellm_team_member" "dev" {
  team_id = litellm_team.backend.team_id
  user_id = litellm_user.dev.user_id
  role    = "user"
}
`;

let emu: TestEmulator;
const workspaces = teamTestFile({ resetEachTest: true }, (started) => (emu = started));

async function applied() {
  const ws = workspaces.create(config);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const state = await stateOf(ws);
  return { ws, teamId: String(state.get("litellm_team.backend")!.team_id), userId: String(state.get("litellm_user.dev")!.user_id) };
}

test("a team deleted outside Terraform: the plan recreates it and the membership", async () => {
  const { ws, teamId } = await applied();
  assert.equal((await adminCall(emu, "POST", "/team/delete", { team_ids: [teamId] })).status, 200);

  const plan = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(plan.stdout, /litellm_team\.backend will be created/);
  assert.match(plan.stdout, /litellm_team_member\.dev will be created/);
  assert.match(plan.stdout, /Plan: 2 to add, 0 to change, 0 to destroy\./, "the user is untouched");
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  const state = await stateOf(ws);
  const newTeam = String(state.get("litellm_team.backend")!.team_id);
  assert.notEqual(newTeam, teamId);
  assert.equal(state.get("litellm_team_member.dev")!.team_id, newTeam);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  assert.ok(isEmpty(await teamState(emu)));
});

test("a membership deleted outside Terraform: the plan adds the user again, nothing else", async () => {
  const { ws, teamId, userId } = await applied();
  assert.equal((await adminCall(emu, "POST", "/team/member_delete", { team_id: teamId, user_id: userId })).status, 200);

  const plan = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(plan.stdout, /litellm_team_member\.dev will be created/);
  assert.match(plan.stdout, /Plan: 1 to add, 0 to change, 0 to destroy\./);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const team = (await teamState(emu)).teams.find((t) => t.team_id === teamId)!;
  assert.ok(team.members_with_roles.some((m) => m.user_id === userId && m.role === "user"));
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
});

test("a member user deleted outside Terraform: the plan recreates the user and its membership", async () => {
  const { ws, userId } = await applied();
  assert.equal((await adminCall(emu, "POST", "/user/delete", { user_ids: [userId] })).status, 200);

  const plan = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(plan.stdout, /litellm_user\.dev will be created/);
  assert.match(plan.stdout, /litellm_team_member\.dev will be created/);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  assert.ok(isEmpty(await teamState(emu)));
});

test("memberships made elsewhere change neither litellm_user nor the managed membership", async () => {
  const { ws, userId } = await applied();
  // The same user joins another team, and another user joins the managed team, outside Terraform.
  const other = await adminCall(emu, "POST", "/team/new", { team_alias: "elsewhere" });
  const otherId = (other.body as { team_id: string }).team_id;
  assert.equal((await adminCall(emu, "POST", "/team/member_add", { team_id: otherId, member: { role: "user", user_id: userId } })).status, 200);
  const stranger = await adminCall(emu, "POST", "/user/new", { user_email: "stranger@example.com", auto_create_key: false });
  const strangerId = (stranger.body as { user_id: string }).user_id;
  const teamId = String((await stateOf(ws)).get("litellm_team.backend")!.team_id);
  assert.equal((await adminCall(emu, "POST", "/team/member_add", { team_id: teamId, member: { role: "user", user_id: strangerId } })).status, 200);
  assert.deepEqual((await teamState(emu)).users.find((u) => u.user_id === userId)!.teams.length, 2);

  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  const left = await teamState(emu);
  assert.deepEqual(left.teams.map((t) => t.team_alias), ["elsewhere"], "only the team made elsewhere is left");
});

test("a membership that already exists is refused with its import ID", async () => {
  const team = await adminCall(emu, "POST", "/team/new", { team_id: "team-made-elsewhere" });
  assert.equal(team.status, 200);
  const user = await adminCall(emu, "POST", "/user/new", { user_id: "member-made-elsewhere", auto_create_key: false });
  assert.equal(user.status, 200);
  await adminCall(emu, "POST", "/team/member_add", { team_id: "team-made-elsewhere", member: { role: "user", user_id: "member-made-elsewhere" } });

  const ws = workspaces.create(`resource "litellm_team_member" "x" {
  team_id = "team-made-elsewhere"
  user_id = "member-made-elsewhere"
}
`);
  const r = await ws.ok(["apply", "-auto-approve", "-no-color"], 1);
  const said = r.stderr.replace(/\s+/g, " ");
  assert.match(said, /Already A Team Member/);
  assert.match(said, /terraform import <address> team-made-elsewhere:member-made-elsewhere/);
  await ws.ok(["import", "-no-color", "litellm_team_member.x", "team-made-elsewhere:member-made-elsewhere"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
});

test("an unknown user is refused before LiteLLM would create a bare user for it", async () => {
  await adminCall(emu, "POST", "/team/new", { team_id: "t-known" });
  const ws = workspaces.create(`resource "litellm_team_member" "x" {
  team_id = "t-known"
  user_id = "nobody"
}
`);
  const r = await ws.ok(["apply", "-auto-approve", "-no-color"], 1);
  assert.match(r.stderr, /User Not Found/);
  assert.equal((await teamState(emu)).users.some((u) => u.user_id === "nobody"), false);
});

test("role admin without an enterprise licence fails with LiteLLM's reason", async () => {
  const ws = workspaces.create(config.replace('role    = "user"', 'role    = "admin"'));
  const r = await ws.ok(["apply", "-auto-approve", "-no-color"], 1);
  const said = r.stderr.replace(/\s+/g, " ");
  assert.match(said, /Cannot Add Team Member/);
  assert.match(said, /Assigning team admins is a premium feature/);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  assert.ok(isEmpty(await teamState(emu)));
});

test("import a team, its member user and the membership; a configuration in seed spellings plans no changes", async () => {
  assert.equal((await adminCall(emu, "POST", "/team/new", { team_id: "team-30d", team_alias: "thirty", budget_duration: "30d", max_budget: 50 })).status, 200);
  const made = await adminCall(emu, "POST", "/user/new", { user_id: "u-30d", user_email: "u30d@example.com", user_role: "internal_user", budget_duration: "30d", auto_create_key: false });
  assert.equal(made.status, 200);
  assert.equal((await adminCall(emu, "POST", "/team/member_add", { team_id: "team-30d", member: { role: "user", user_id: "u-30d" } })).status, 200);

  // LiteLLM resets a 30d budget on the 1st of next month, as it does a monthly one.
  const ws = workspaces.create(`resource "litellm_team" "t" {
  team_alias      = "thirty"
  max_budget      = 50
  budget_duration = "monthly"
}

resource "litellm_user" "u" {
  user_email      = "u30d@example.com"
  user_role       = "user"
  budget_duration = "monthly"
}

resource "litellm_team_member" "m" {
  team_id = litellm_team.t.team_id
  user_id = litellm_user.u.user_id
  role    = "user"
}
`);
  await ws.ok(["import", "-no-color", "litellm_team.t", "team-30d"]);
  await ws.ok(["import", "-no-color", "litellm_user.u", "u-30d"]);
  await ws.ok(["import", "-no-color", "litellm_team_member.m", "team-30d:u-30d"]);
  const before = await teamState(emu);
  const plan = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  assert.match(plan.stdout, /No changes/);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const after = await teamState(emu);
  assert.deepEqual(after.teams.find((t) => t.team_id === "team-30d"), before.teams.find((t) => t.team_id === "team-30d"), "the team is untouched");
  assert.deepEqual(after.users.find((u) => u.user_id === "u-30d"), before.users.find((u) => u.user_id === "u-30d"), "the user is untouched");
  assert.equal((await stateOf(ws)).get("litellm_team.t")!.budget_duration, "30d", "state keeps LiteLLM's spelling that means the same");
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
});
