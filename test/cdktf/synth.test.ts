// The example app synthesizes the seed's users with the generated constructs.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import {
  cdktfCli,
  describeRun,
  exampleDir,
  isolatedEnv,
  packageVersion,
  providerSource,
  readStack,
  root,
  run,
  stackName,
  synthExample,
  tempDir,
} from "./support";
import { timed } from "./timings";

test("the example synthesizes the users, the pinned provider and a sensitive key output", async (t) => {
  const dir = tempDir(t, "synth");
  const masterKey = "sk-synth-secret-master-key";
  const env = { ...isolatedEnv(dir), LITELLM_API_BASE: "http://127.0.0.1:9", LITELLM_API_KEY: masterKey };
  const started = Date.now();
  const { stackDir, config } = await synthExample(dir, env);
  t.diagnostic(`synth (example app via tsx): ${Date.now() - started} ms`);

  assert.deepEqual(config.terraform.required_providers.litellm, { source: providerSource, version: packageVersion() });
  assert.deepEqual(config.provider.litellm, [{ api_base: "${var.litellm_api_base}", api_key: "${var.litellm_api_key}" }]);
  assert.equal(config.variable?.litellm_api_key?.sensitive, true);
  assert.equal(config.variable?.litellm_api_key?.default, null);

  const users = config.resource.litellm_user ?? {};
  assert.deepEqual(Object.keys(users).sort(), ["admin", "basic", "developer", "operator_admin"]);
  assert.equal(users.basic?.user_email, "user@example.com");
  assert.equal(users.developer?.max_budget, 100);
  assert.deepEqual(users.developer?.models, ["gpt-4", "gpt-3.5-turbo"]);
  assert.deepEqual(users.developer?.metadata, { department: "Engineering", team: "Backend" });
  assert.equal(users.admin?.max_budget, 0);
  assert.equal(users.admin?.user_role, "admin");
  assert.equal(users.operator_admin?.auto_create_key, true);
  assert.equal(users.operator_admin?.key_alias, "admin-key");
  assert.equal(users.operator_admin?.budget_duration, "30d");

  assert.deepEqual(config.output?.admin_key?.value, "${litellm_user.operator_admin.key}");
  assert.equal(config.output?.admin_key?.sensitive, true);
  assert.equal(config.import, undefined, "no import block unless LITELLM_LEGACY_USER_ID is set");

  // State goes where synth ran, never into the repository.
  assert.equal(config.terraform.backend?.local?.path, path.join(dir, `terraform.${stackName}.tfstate`));
  // The master key in the environment must not be copied into the synthesized files.
  assert.ok(!fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8").includes(masterKey));
});

test("LITELLM_LEGACY_USER_ID adds an import block for litellm_user.legacy", async (t) => {
  const dir = tempDir(t, "synth-import");
  const { config } = await synthExample(dir, { ...isolatedEnv(dir), LITELLM_LEGACY_USER_ID: "legacy-user-42" });
  assert.deepEqual(config.import, [{ id: "legacy-user-42", to: "litellm_user.legacy" }]);
  assert.equal(config.resource.litellm_user?.legacy?.user_email, "legacy@example.com");
});

test("`cdktf synth` runs the example through its own cdktf.json", async (t) => {
  const dir = tempDir(t, "cdktf-synth");
  const outDir = path.join(dir, "out");
  const result = await timed(t, "CDKTF: `cdktf synth` (CLI start-up included)", () =>
    run(process.execPath, [cdktfCli, "synth", "--output", outDir], { cwd: exampleDir, env: isolatedEnv(dir) }),
  );
  assert.equal(result.code, 0, describeRun("cdktf synth", result));
  const config = readStack(path.join(outDir, "stacks", stackName));
  assert.equal(config.terraform.required_providers.litellm?.source, providerSource);
  assert.ok(config.resource.litellm_user?.operator_admin);
  assert.ok(!fs.existsSync(path.join(exampleDir, "cdktf.out")), "cdktf synth --output must not write into the example");
});

test("the example type-checks against the built litellm-tf/cdktf declarations", async () => {
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  const result = await run(process.execPath, [tsc, "-p", path.join(exampleDir, "tsconfig.json")], { cwd: root, env: process.env });
  assert.equal(result.code, 0, describeRun("tsc -p examples/cdktf", result));
});
