// Configurations written in the other LiteLLM providers' documented shapes (ncecere/terraform-provider-litellm
// v2 and BerriAI's official provider), one per documented example of users, teams, team members and their data
// sources: with only `source` changed, each validates, applies, plans clean and destroys on the emulator, and
// leaves LiteLLM as it found it. The emulator has an enterprise licence: model_max_budget and
// team_member_key_duration need one in LiteLLM.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { TestEmulator } from "../support/emulator";
import { createWorkspace, type Workspace } from "../support/terraform";
import { PROXY_ADMIN, startTeamEmulator, teamState, type TeamState } from "../e2e/team-support";
import { peerConfigs, withOurSource } from "./migration-support";

let emu: TestEmulator;
const workspaces: Workspace[] = [];
const passed: string[] = [];
const configs = peerConfigs();

before(async () => {
  emu = await startTeamEmulator({ enterprise: true });
});
after(async () => {
  for (const ws of workspaces) ws.dispose();
  await emu.close();
  console.log(`# peer-shaped configurations that passed unchanged but for source: ${passed.length} of ${configs.length}`);
});

test("there is a configuration for each documented example", () => {
  assert.ok(configs.length >= 15, `found ${configs.length}`);
  for (const peer of ["ncecere", "berriai"]) assert.ok(configs.some((c) => c.name.startsWith(peer)), peer);
});

for (const config of configs) {
  test(`${config.name}: validate, apply, plan clean, destroy with only source changed`, async () => {
    const ours = withOurSource(config.text);
    assert.equal(ours.changedLines, 1, "only the source line changes");
    const ws = createWorkspace({ apiBase: emu.url, apiKey: emu.masterKey, files: { "main.tf": ours.text } });
    workspaces.push(ws);
    const before = summary(await teamState(emu));
    try {
      await ws.ok(["validate", "-no-color"]);
      await ws.ok(["apply", "-auto-approve", "-no-color"]);
      const plan = await ws.terraform(["plan", "-no-color", "-detailed-exitcode"]);
      assert.equal(plan.code, 0, `plan after apply is clean:\n${plan.stdout}${plan.stderr}`);
    } finally {
      await ws.ok(["destroy", "-auto-approve", "-no-color"]);
    }
    assert.deepEqual(summary(await teamState(emu)), before, "LiteLLM holds what it held before apply");
    passed.push(config.name);
  });
}

/** What LiteLLM holds, by ID: users with their teams, teams, keys and membership rows. */
function summary(state: TeamState): unknown {
  return {
    // LiteLLM's own admin user appears with the first team; only its teams count.
    users: state.users.filter((u) => u.user_id !== PROXY_ADMIN || u.teams.length).map((u) => `${u.user_id}:${[...u.teams].sort().join(",")}`).sort(),
    teams: state.teams.map((t) => t.team_id).sort(),
    keys: state.keys.length,
    memberships: state.team_memberships.length,
  };
}
