// CDK Terrain (cdktn), the maintained fork of CDKTF, with litellm-tf/cdktn: examples/cdktn synthesizes the same
// stacks as the CDKTF examples, `cdktn deploy` installs the provider from a filesystem mirror and applies them
// against the emulator, a plan is clean, `cdktn destroy` leaves nothing; and a fresh app that imports only
// `cdktn` and `litellm-tf/cdktn` type-checks and synthesizes.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { isEmpty, startTeamEmulator, teamState } from "../e2e/team-support";
import {
  cdktnCli,
  describeRun,
  isolatedEnv,
  makeProviderMirror,
  readStack,
  root,
  run,
  stateResources,
  synthExample,
  tempDir,
  terraform,
  tsxCli,
  type CdkTfJson,
} from "./support";
import { timed } from "./timings";

const exampleDir = path.join(root, "examples", "cdktn");
const stacks = ["litellm-users", "litellm-teams"];
const timeout = { timeout: 300_000 };

/** cdk.tf.json without what names the kit or the directory it ran in. */
function comparable(config: CdkTfJson): unknown {
  const { "//": _metadata, ...rest } = config as CdkTfJson & { "//"?: unknown };
  return { ...rest, terraform: { ...rest.terraform, backend: undefined } };
}

async function synthCdktfTeams(cwd: string, env: NodeJS.ProcessEnv): Promise<CdkTfJson> {
  const outDir = path.join(cwd, "cdktf.out");
  const result = await run(process.execPath, [tsxCli, path.join(root, "examples", "cdktf-teams", "main.ts")], { cwd, env: { ...env, CDKTF_OUTDIR: outDir } });
  assert.equal(result.code, 0, describeRun("examples/cdktf-teams", result));
  return readStack(path.join(outDir, "stacks", "litellm-teams"));
}

test("`cdktn synth` makes the same stacks as the CDKTF examples", timeout, async (t) => {
  const dir = tempDir(t, "cdktn-synth");
  const env = isolatedEnv(dir);
  const outDir = path.join(dir, "out");
  const synth = await timed(t, "CDK Terrain: `cdktn synth` (CLI start-up included; 2 stacks)", () =>
    run(process.execPath, [...cdktnCli, "synth", "--output", outDir], { cwd: exampleDir, env }),
  );
  assert.equal(synth.code, 0, describeRun("cdktn synth", synth));
  assert.ok(!fs.existsSync(path.join(exampleDir, "cdktf.out")), "cdktn synth --output must not write into the example");

  const users = readStack(path.join(outDir, "stacks", "litellm-users"));
  const teams = readStack(path.join(outDir, "stacks", "litellm-teams"));
  assert.equal(users.terraform.required_providers.litellm?.source, "registry.terraform.io/litellm-tf/litellm");
  const cdktfDir = path.join(dir, "cdktf");
  fs.mkdirSync(cdktfDir);
  const cdktfUsers = (await synthExample(cdktfDir, env)).config;
  assert.deepEqual(comparable(users), comparable(cdktfUsers), "examples/cdktn's users stack differs from examples/cdktf's");
  assert.deepEqual(comparable(teams), comparable(await synthCdktfTeams(cdktfDir, env)), "examples/cdktn's teams stack differs from examples/cdktf-teams'");
});

test("`cdktn deploy` from a filesystem mirror: both stacks and an imported user, a clean plan, `cdktn destroy`", timeout, async (t) => {
  const dir = tempDir(t, "cdktn-deploy");
  const emu = await startTeamEmulator();
  t.after(() => emu.close());
  const created = await fetch(`${emu.url}/user/new`, {
    method: "POST",
    headers: { authorization: `Bearer ${emu.masterKey}`, "content-type": "application/json" },
    body: JSON.stringify({ user_email: "legacy@example.com", user_alias: "legacy", auto_create_key: false }),
  });
  assert.equal(created.status, 200, await created.clone().text());
  const legacyId = String(((await created.json()) as { user_id: string }).user_id);

  const projectDir = path.join(dir, "project");
  fs.mkdirSync(projectDir);
  const app = [process.execPath, tsxCli, path.join(exampleDir, "main.ts")].map((p) => JSON.stringify(p)).join(" ");
  fs.writeFileSync(path.join(projectDir, "cdktf.json"), JSON.stringify({ language: "typescript", app, sendCrashReports: false }));
  const env = {
    ...isolatedEnv(dir, makeProviderMirror(dir)),
    LITELLM_API_BASE: emu.url,
    LITELLM_API_KEY: emu.masterKey,
    LITELLM_LEGACY_USER_ID: legacyId,
  };

  const deploy = await timed(t, "CDK Terrain: `cdktn deploy` (synth, init, apply; 2 stacks, 7 users, one imported)", () =>
    run(process.execPath, [...cdktnCli, "deploy", ...stacks, "--auto-approve", "--skip-provider-lock"], { cwd: projectDir, env }),
  );
  assert.equal(deploy.code, 0, describeRun("cdktn deploy", deploy));
  assert.ok(!`${deploy.stdout}${deploy.stderr}`.includes(emu.masterKey), "the master key leaked into cdktn's output");

  const stackDir = (name: string) => path.join(projectDir, "cdktf.out", "stacks", name);
  const users = await stateResources(stackDir("litellm-users"), env);
  assert.equal(users.get("litellm_user.legacy")?.user_id, legacyId, "the existing user was adopted, not created again");
  assert.match(String(users.get("litellm_user.operator_admin")?.key), /^sk-/);
  const teams = await stateResources(stackDir("litellm-teams"), env);
  const teamId = String(teams.get("litellm_team.backend")?.team_id);
  const userId = String(teams.get("litellm_user.backend_dev")?.user_id);
  assert.equal(teams.get("litellm_team_member.dev_membership")?.id, `${teamId}:${userId}`);
  const server = await teamState(emu);
  assert.equal(server.users.filter((u) => u.user_email).length, 6, "5 users of the users stack and the team's developer");

  for (const name of stacks) {
    const plan = await terraform(["plan", "-detailed-exitcode", "-input=false"], stackDir(name), env);
    assert.equal(plan.code, 0, describeRun(`terraform plan in ${name} after cdktn deploy (exit 2 means changes)`, plan));
  }

  const destroy = await timed(t, "CDK Terrain: `cdktn destroy` (2 stacks)", () =>
    run(process.execPath, [...cdktnCli, "destroy", ...stacks, "--auto-approve"], { cwd: projectDir, env }),
  );
  assert.equal(destroy.code, 0, describeRun("cdktn destroy", destroy));
  const left = await teamState(emu);
  assert.ok(isEmpty(left), `destroy leaves only LiteLLM's own admin user: ${JSON.stringify(left)}`);
});

test("a fresh app importing only cdktn and litellm-tf/cdktn type-checks and synthesizes", timeout, async (t) => {
  const dir = tempDir(t, "cdktn-fresh");
  // The app's own node_modules: this package as `litellm-tf` (its exports map), and the kit it uses.
  const modules = path.join(dir, "node_modules");
  fs.mkdirSync(modules);
  fs.symlinkSync(root, path.join(modules, "litellm-tf"));
  for (const name of ["cdktn", "constructs", "@types"]) fs.symlinkSync(path.join(root, "node_modules", name), path.join(modules, name));
  fs.writeFileSync(
    path.join(dir, "main.ts"),
    `import { App, TerraformStack } from "cdktn";
import { provider, user, team, teamMember } from "litellm-tf/cdktn";

const app = new App();
const stack = new TerraformStack(app, "fresh");
new provider.LitellmProvider(stack, "litellm", {});
const alice = new user.User(stack, "alice", { userEmail: "alice@example.com", userRole: "admin", maxBudget: 10 });
const devs = new team.Team(stack, "devs", { teamAlias: "devs" });
new teamMember.TeamMember(stack, "alice_in_devs", { teamId: devs.teamId, userId: alice.userId, role: "user" });
app.synth();
`,
  );
  fs.writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, noEmit: true, types: ["node"] }, files: ["main.ts"] }),
  );
  const tsc = await run(process.execPath, [path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", dir], { cwd: dir, env: process.env });
  assert.equal(tsc.code, 0, describeRun("tsc", tsc));
  const synth = await run(process.execPath, [tsxCli, "main.ts"], { cwd: dir, env: { ...isolatedEnv(dir), CDKTF_OUTDIR: path.join(dir, "out") } });
  assert.equal(synth.code, 0, describeRun("the fresh app", synth));
  const config = readStack(path.join(dir, "out", "stacks", "fresh"));
  assert.equal(config.resource.litellm_user?.alice?.user_email, "alice@example.com");
  assert.equal(config.resource.litellm_team_member?.alice_in_devs?.team_id, "${litellm_team.devs.team_id}");
  assert.equal((config as unknown as { "//": { metadata: { version: string } } })["//"].metadata.version, "0.24.0", "synthesized by cdktn");
});
