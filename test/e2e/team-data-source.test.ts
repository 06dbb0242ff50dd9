// The litellm_team data source with real terraform: by team_id and by exact team_alias, and its refusals.
import { test } from "node:test";
import assert from "node:assert/strict";
import { adminCall, type TestEmulator } from "../support/emulator";
import { PROXY_ADMIN, teamTestFile } from "./team-support";

let emu: TestEmulator;
const workspaces = teamTestFile({}, (started) => (emu = started));

const outputs = (stdout: string) => JSON.parse(stdout) as Record<string, { value: unknown }>;

test("reads a team by team_id and by team_alias", async () => {
  await adminCall(emu, "POST", "/team/new", { team_id: "ds-team", team_alias: "analytics", max_budget: 30, budget_duration: "7d", metadata: { b: 1, a: 2 } });
  await adminCall(emu, "POST", "/user/new", { user_id: "ds-user", auto_create_key: false });
  await adminCall(emu, "POST", "/team/member_add", { team_id: "ds-team", member: { role: "user", user_id: "ds-user" } });
  const ws = workspaces.create(`data "litellm_team" "by_id" {
  team_id = "ds-team"
}

data "litellm_team" "by_alias" {
  team_alias = "analytics"
}

output "by_id" {
  value = data.litellm_team.by_id
}

output "same" {
  value = data.litellm_team.by_alias.team_id == data.litellm_team.by_id.team_id
}
`);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const out = outputs((await ws.ok(["output", "-json"])).stdout);
  const team = out.by_id!.value as Record<string, unknown>;
  assert.deepEqual(
    [team.team_alias, team.max_budget, team.budget_duration, team.metadata, team.blocked, team.member_user_ids],
    ["analytics", 30, "7d", '{"a":2,"b":1}', false, [PROXY_ADMIN, "ds-user"]],
  );
  assert.equal(out.same!.value, true);
});

test("an unknown team, a name shared by two teams, and both or neither argument are refused", async () => {
  await adminCall(emu, "POST", "/team/new", { team_alias: "twice" });
  await adminCall(emu, "POST", "/team/new", { team_alias: "twice" });
  const cases: [string, RegExp][] = [
    ['team_id = "no-such-team"', /Team Not Found/],
    ['team_alias = "no-such-name"', /Team Not Found/],
    ['team_alias = "twice"', /Team Alias Is Not Unique/],
    ['team_id = "a"\n  team_alias = "b"', /Give Exactly One Of team_id And team_alias/],
    ["", /Give Exactly One Of team_id And team_alias/],
  ];
  for (const [args, expected] of cases) {
    const ws = workspaces.create(`data "litellm_team" "x" {\n  ${args}\n}\n`);
    const r = await ws.ok(["plan", "-no-color"], 1);
    assert.match(r.stderr.replace(/\s+/g, " "), expected, args);
  }
});
