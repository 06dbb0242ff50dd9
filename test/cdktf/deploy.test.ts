// The synthesized example, applied with the real terraform binary and the built provider
// (installed from a filesystem mirror) against the emulator; once through plain terraform,
// once through `cdktf deploy`, adopting a user that was created outside terraform.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import {
  cdktfCli,
  describeRun,
  exampleDir,
  isolatedEnv,
  litellm,
  makeProviderMirror,
  run,
  stackName,
  startEmulator,
  stateResources,
  synthExample,
  tempDir,
  terraform,
  tsxCli,
  type Emulator,
} from "./support";
import { timed } from "./timings";

const deployTimeout = { timeout: 240_000 };
const seedUsers: Record<string, string> = {
  "litellm_user.basic": "user@example.com",
  "litellm_user.developer": "developer@company.com",
  "litellm_user.admin": "admin@company.com",
  "litellm_user.operator_admin": "admin@example.com",
};

async function assertUserOnServer(emulator: Emulator, userId: string, email: string): Promise<void> {
  const info = await litellm(emulator, "GET", `/user/info?user_id=${encodeURIComponent(userId)}`);
  assert.equal(info.status, 200, `GET /user/info for ${email}: ${JSON.stringify(info.json)}`);
  assert.equal(info.json?.user_info?.user_email, email);
}

function assertNoMasterKey(emulator: Emulator, ...texts: string[]): void {
  for (const text of texts) assert.ok(!text.includes(emulator.masterKey), "the master key leaked into terraform's output");
}

test("terraform applies the synthesized stack against the emulator; a second plan shows no changes", deployTimeout, async (t) => {
  const dir = tempDir(t, "apply");
  const mirror = makeProviderMirror(dir);
  const emulator = await startEmulator(t);
  const env = { ...isolatedEnv(dir, mirror), LITELLM_API_BASE: emulator.url, LITELLM_API_KEY: emulator.masterKey };
  const appDir = path.join(dir, "app");
  fs.mkdirSync(appDir);
  const { stackDir } = await timed(t, "CDKTF: synth by running the app (`tsx main.ts`, 4 users)", () => synthExample(appDir, env));

  const init = await timed(t, "CDKTF: `terraform init` from the mirror", () => terraform(["init", "-input=false"], stackDir, env));
  assert.equal(init.code, 0, describeRun("terraform init", init));
  const apply = await timed(t, "CDKTF: `terraform apply` (4 users, one with a key)", () => terraform(["apply", "-auto-approve", "-input=false"], stackDir, env));
  assert.equal(apply.code, 0, describeRun("terraform apply", apply));
  const plan = await timed(t, "CDKTF: second `terraform plan` (no changes)", () =>
    terraform(["plan", "-detailed-exitcode", "-input=false"], stackDir, env),
  );
  assert.equal(plan.code, 0, describeRun("second terraform plan (exit 2 means changes)", plan));
  assertNoMasterKey(emulator, apply.stdout, apply.stderr, plan.stdout, plan.stderr);

  const resources = await stateResources(stackDir, env);
  for (const [address, email] of Object.entries(seedUsers)) {
    const values = resources.get(address);
    assert.ok(values, `${address} missing from state`);
    assert.equal(values.user_email, email);
    await assertUserOnServer(emulator, values.user_id, email);
  }
  assert.ok(fs.existsSync(path.join(appDir, `terraform.${stackName}.tfstate`)), "state belongs under the synth directory");

  const key = resources.get("litellm_user.operator_admin")?.key;
  assert.match(String(key), /^sk-/);
  const output = await terraform(["output", "-raw", "admin_key"], stackDir, env);
  assert.equal(output.code, 0, describeRun("terraform output", output));
  assert.equal(output.stdout, key);
  assert.ok(!apply.stdout.includes(String(key)), "the sensitive key was printed by apply");
});

test("cdktf deploy from a filesystem mirror imports a user created out of band", deployTimeout, async (t) => {
  const dir = tempDir(t, "cdktf-deploy");
  const mirror = makeProviderMirror(dir);
  const emulator = await startEmulator(t);

  const created = await litellm(emulator, "POST", "/user/new", {
    user_email: "legacy@example.com",
    user_alias: "legacy",
    auto_create_key: false,
  });
  assert.equal(created.status, 200, `POST /user/new: ${JSON.stringify(created.json)}`);
  const legacyId = String(created.json?.user_id);

  // A project of its own, so cdktf.out and the state file stay in the temp dir.
  const projectDir = path.join(dir, "project");
  fs.mkdirSync(projectDir);
  const app = [process.execPath, tsxCli, path.join(exampleDir, "main.ts")].map((p) => JSON.stringify(p)).join(" ");
  fs.writeFileSync(path.join(projectDir, "cdktf.json"), JSON.stringify({ language: "typescript", app, sendCrashReports: false }));
  const env = {
    ...isolatedEnv(dir, mirror),
    LITELLM_API_BASE: emulator.url,
    LITELLM_API_KEY: emulator.masterKey,
    LITELLM_LEGACY_USER_ID: legacyId,
  };

  const deploy = await timed(t, "CDKTF: `cdktf deploy` (synth, init, apply; 5 users, one imported)", () =>
    run(process.execPath, [cdktfCli, "deploy", stackName, "--auto-approve", "--skip-provider-lock"], { cwd: projectDir, env }),
  );
  assert.equal(deploy.code, 0, describeRun("cdktf deploy", deploy));
  assertNoMasterKey(emulator, deploy.stdout, deploy.stderr);

  const stackDir = path.join(projectDir, "cdktf.out", "stacks", stackName);
  const resources = await stateResources(stackDir, env);
  assert.equal(resources.get("litellm_user.legacy")?.user_id, legacyId, "the existing user was not imported");
  for (const [address, email] of Object.entries({ ...seedUsers, "litellm_user.legacy": "legacy@example.com" })) {
    const values = resources.get(address);
    assert.ok(values, `${address} missing from state`);
    await assertUserOnServer(emulator, values.user_id, email);
  }
  const listed = await litellm(emulator, "GET", "/user/list?user_email=legacy%40example.com");
  assert.equal(listed.status, 200, JSON.stringify(listed.json));
  assert.deepEqual(
    (listed.json?.users as Array<{ user_id: string }>).map((u) => u.user_id),
    [legacyId],
    "importing must adopt the user, not create a second one",
  );

  const plan = await terraform(["plan", "-detailed-exitcode", "-input=false"], stackDir, env);
  assert.equal(plan.code, 0, describeRun("terraform plan after cdktf deploy (exit 2 means changes)", plan));
});
