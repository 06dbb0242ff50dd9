// The CDKTF version of the seed's team example (examples/cdktf-teams): synthesized with the generated
// constructs, then the whole cycle with the real terraform binary, the provider installed from a filesystem
// mirror, against the emulator: apply, plan clean, import into a fresh state and plan clean, destroy.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { describeRun, isolatedEnv, makeProviderMirror, readStack, root, run, stateResources, tempDir, terraform, tsxCli } from "../cdktf/support";
import type { TestEmulator } from "../support/emulator";
import { isEmpty, PROXY_ADMIN, startTeamEmulator, teamState } from "./team-support";

const exampleMain = path.join(root, "examples", "cdktf-teams", "main.ts");
const stackName = "litellm-teams";

let emu: TestEmulator;
before(async () => {
  emu = await startTeamEmulator();
});
after(async () => {
  await emu.close();
});

/** Runs the example app as `cdktf synth` does, in `cwd` (where the stack's local state then lives). */
async function synth(cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  fs.mkdirSync(cwd, { recursive: true });
  const result = await run(process.execPath, [tsxCli, exampleMain], { cwd, env: { ...env, CDKTF_OUTDIR: path.join(cwd, "cdktf.out") } });
  assert.equal(result.code, 0, describeRun("the cdktf-teams app", result));
  return path.join(cwd, "cdktf.out", "stacks", stackName);
}

async function tf(args: string[], stackDir: string, env: NodeJS.ProcessEnv, expected = 0) {
  const result = await terraform(args, stackDir, env);
  assert.equal(result.code, expected, describeRun(`terraform ${args.join(" ")}`, result));
  return result;
}

test("the CDKTF team example: synth, apply, plan clean, import into a fresh state, plan clean, destroy", { timeout: 240_000 }, async (t) => {
  const dir = tempDir(t, "teams");
  const env = { ...isolatedEnv(dir, makeProviderMirror(dir)), LITELLM_API_BASE: emu.url, LITELLM_API_KEY: emu.masterKey };

  const stackDir = await synth(path.join(dir, "app"), env);
  const config = readStack(stackDir);
  assert.deepEqual(Object.keys(config.resource).sort(), ["litellm_team", "litellm_team_member", "litellm_user"]);
  assert.equal(config.resource.litellm_team?.backend?.team_alias, "backend-team", "the seed's address and alias");
  assert.equal(config.resource.litellm_team_member?.dev_membership?.team_id, "${litellm_team.backend.team_id}");
  assert.equal(config.resource.litellm_team_member?.dev_membership?.user_id, "${litellm_user.backend_dev.user_id}");
  assert.ok(!fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8").includes(emu.masterKey), "the master key stays out of the synthesized files");

  await tf(["init", "-input=false"], stackDir, env);
  await tf(["apply", "-auto-approve", "-input=false"], stackDir, env);
  await tf(["plan", "-detailed-exitcode", "-input=false"], stackDir, env);

  const state = await stateResources(stackDir, env);
  const teamId = String(state.get("litellm_team.backend")!.team_id);
  const userId = String(state.get("litellm_user.backend_dev")!.user_id);
  assert.equal(state.get("litellm_team_member.dev_membership")!.id, `${teamId}:${userId}`);
  const server = await teamState(emu);
  assert.deepEqual(
    server.teams.find((team) => team.team_id === teamId)!.members_with_roles.map((m) => [m.user_id, m.role]),
    [[PROXY_ADMIN, "admin"], [userId, "user"]],
  );

  // A second synth in another directory has its own, empty state: adopt everything by import.
  const freshDir = await synth(path.join(dir, "fresh"), env);
  await tf(["init", "-input=false"], freshDir, env);
  await tf(["import", "-input=false", "litellm_team.backend", teamId], freshDir, env);
  await tf(["import", "-input=false", "litellm_user.backend_dev", userId], freshDir, env);
  await tf(["import", "-input=false", "litellm_team_member.dev_membership", `${teamId}:${userId}`], freshDir, env);
  await tf(["plan", "-detailed-exitcode", "-input=false"], freshDir, env);

  await tf(["destroy", "-auto-approve", "-input=false"], stackDir, env);
  const left = await teamState(emu);
  assert.ok(isEmpty(left), `destroy leaves only LiteLLM's own ${PROXY_ADMIN} user: ${JSON.stringify(left)}`);
});
