// The seed's "User with Team Assignment" example, exactly as written, through the whole cycle with real
// terraform: apply, plan clean, import every resource into a fresh state and plan clean, destroy.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { TestEmulator } from "../support/emulator";
import { isEmpty, PROXY_ADMIN, teamTestFile, stateOf, teamState } from "./team-support";

/** Verbatim from the seed (001_c23a3b26beecedd2.txt). */
const seedExample = `resource "litellm_team" "backend" {
  team_alias = "backend-team"
}

resource "litellm_user" "backend_dev" {
  user_email = "backend-dev@company.com"
  user_alias = "backend-developer"
}

resource "litellm_team_member" "dev_membership" {
  team_id = litellm_team.backend.team_id
  user_id = litellm_user.backend_dev.user_id
  role    = "user"
}
`;

let emu: TestEmulator;
const workspaces = teamTestFile({}, (started) => (emu = started));

test("the seed's team example: apply, plan clean, import each resource, plan clean, destroy", async () => {
  const ws = workspaces.create(seedExample);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);

  const state = await stateOf(ws);
  const team = state.get("litellm_team.backend")!;
  const user = state.get("litellm_user.backend_dev")!;
  const membership = state.get("litellm_team_member.dev_membership")!;
  const teamId = String(team.team_id);
  const userId = String(user.user_id);
  assert.equal(team.team_alias, "backend-team");
  assert.equal(team.id, teamId);
  assert.equal(membership.id, `${teamId}:${userId}`);
  assert.equal(membership.role, "user");
  assert.equal(membership.max_budget_in_team, 0);

  const server = await teamState(emu);
  const serverTeam = server.teams.find((t) => t.team_id === teamId)!;
  assert.equal(serverTeam.team_alias, "backend-team");
  assert.deepEqual(
    serverTeam.members_with_roles.map((m) => [m.user_id, m.role]),
    [[PROXY_ADMIN, "admin"], [userId, "user"]],
    "LiteLLM makes the master key's user an admin; the seed's user joins as user",
  );
  assert.deepEqual(server.users.find((u) => u.user_id === userId)!.teams, [teamId], "LiteLLM keeps the user's teams in sync");

  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  const fresh = workspaces.create(seedExample);
  await fresh.ok(["import", "-no-color", "litellm_team.backend", teamId]);
  await fresh.ok(["import", "-no-color", "litellm_user.backend_dev", userId]);
  await fresh.ok(["import", "-no-color", "litellm_team_member.dev_membership", `${teamId}:${userId}`]);
  const imported = await stateOf(fresh);
  assert.equal(imported.get("litellm_team.backend")!.team_alias, "backend-team");
  assert.equal(imported.get("litellm_team_member.dev_membership")!.role, "user");
  await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  const left = await teamState(emu);
  assert.ok(isEmpty(left), `destroy leaves only LiteLLM's own ${PROXY_ADMIN} user, in no team: ${JSON.stringify(left)}`);
});
