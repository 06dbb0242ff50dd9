// The team examples' import.sh commands work as shown: the team by team_id, the membership by team_id:user_id.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { adminCall, type TestEmulator } from "../support/emulator";
import { repoRoot } from "../support/terraform";
import { teamTestFile, stateOf } from "./team-support";

let emu: TestEmulator;
const workspaces = teamTestFile({}, (started) => (emu = started));

/** The `terraform import` lines of an import.sh, as argument lists. */
function importCommands(resourceType: string): string[][] {
  const text = fs.readFileSync(path.join(repoRoot, "examples", "resources", resourceType, "import.sh"), "utf8");
  return text
    .split("\n")
    .filter((line) => line.startsWith("terraform import "))
    .map((line) => line.trim().split(/\s+/).slice(1));
}

test("import.sh for litellm_team and litellm_team_member import what they name", async () => {
  const [teamCommand] = importCommands("litellm_team");
  const [memberCommand] = importCommands("litellm_team_member");
  assert.ok(teamCommand && memberCommand, "each import.sh shows a terraform import command");
  // The IDs in import.sh are placeholders: create objects with exactly those IDs, so the commands run as written.
  const teamId = teamCommand[2]!;
  const [memberTeam, userId] = [memberCommand[2]!.split(":")[0]!, memberCommand[2]!.split(":").slice(1).join(":")];
  assert.equal(memberTeam, teamId, "both examples use the same team");
  assert.equal((await adminCall(emu, "POST", "/team/new", { team_id: teamId, team_alias: "backend-team" })).status, 200);
  assert.equal((await adminCall(emu, "POST", "/user/new", { user_id: userId, user_email: "imported@example.com", auto_create_key: false })).status, 200);
  assert.equal((await adminCall(emu, "POST", "/team/member_add", { team_id: teamId, member: { role: "user", user_id: userId } })).status, 200);

  const ws = workspaces.create(`resource "litellm_team" "backend" {
  team_alias = "backend-team"
}

resource "litellm_team_member" "dev_membership" {
  team_id = litellm_team.backend.team_id
  user_id = ${JSON.stringify(userId)}
  role    = "user"
}
`);
  await ws.ok(["import", "-no-color", ...teamCommand.slice(1)]);
  await ws.ok(["import", "-no-color", ...memberCommand.slice(1)]);
  const state = await stateOf(ws);
  assert.equal(state.get("litellm_team.backend")?.team_id, teamId);
  assert.equal(state.get("litellm_team_member.dev_membership")?.id, `${teamId}:${userId}`);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
});
