// README.md, run block by block as a new user would (see doc-run-support.ts for the conventions).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startEmulator } from "../../provider/emulator";
import { apiCall, commandLines, DocRun, root, run, sandbox, startDaemon, substitute, typeCheck, wrapFragment } from "./doc-run-support";

const doc = new DocRun("README.md");
// Checkout steps that CI has already run before the tests: running them again would replace node_modules and
// dist/ under the tests that are running. `npm test` is this suite itself.
const ranByCi = new Set(["npm ci", "npm run build", "npm test"]);
const withoutCiSteps = (line: string) =>
  line
    .split("&&")
    .map((s) => s.trim())
    .filter((s) => !ranByCi.has(s))
    .join(" && ");

test("README: quick start and the checkout's install", { timeout: 600_000 }, async (t) => {
  const box = sandbox(t, "readme-checkout");
  doc.claim("sh", "npm test");
  const demo = await box.sh(commandLines(doc.claim("sh", "npm run demo")).map(withoutCiSteps).join("\n"), { cwd: root });
  assert.match(demo.stdout, /no changes/i, demo.stdout);

  const checkout = await box.sh(commandLines(doc.claim("sh", "node dist/cli.js install")).map(withoutCiSteps).filter(Boolean).join("\n"), { cwd: root });
  assert.match(checkout.stdout, /without any CLI configuration/);
  assert.ok(fs.existsSync(path.join(box.home, ".terraform.d", "plugins", "registry.terraform.io", "litellm-tf", "litellm")));
});

test("README: use with a real LiteLLM (the emulator): install, configure, init, apply, import by ID and by email", { timeout: 600_000 }, async (t) => {
  const box = sandbox(t, "readme");
  const emulator = await startEmulator({ port: 0, masterKey: "sk-1234" });
  t.after(() => emulator.close());
  const env = { LITELLM_API_KEY: "sk-1234" };

  // 1. Install, from the packed tarball.
  const install = await box.sh(substitute(doc.claim("sh", "npm install -g litellm-tf").text));
  assert.match(install.stdout, /without any CLI configuration/);

  // 3 and 4. The configuration, pointed at the emulator; init, apply, and a clean plan.
  const work = path.join(box.dir, "work");
  fs.mkdirSync(work);
  fs.writeFileSync(path.join(work, "main.tf"), substitute(doc.claim("hcl", 'resource "litellm_user" "developer"').text, emulator.url));
  const init = await box.sh("terraform init -no-color", { cwd: work, env });
  assert.doesNotMatch(init.stdout + init.stderr, /development overrides/i);
  assert.ok(fs.existsSync(path.join(work, ".terraform.lock.hcl")));
  await box.sh("terraform apply -auto-approve -no-color", { cwd: work, env });
  await box.sh("terraform plan -detailed-exitcode -no-color", { cwd: work, env });
  await box.sh("terraform destroy -auto-approve -no-color", { cwd: work, env });

  // 5. Import: a user that exists (with the README's ID), each line into an empty state, then a clean plan.
  const created = await apiCall(emulator.url, "sk-1234", "POST", "/user/new", {
    user_id: "0b0c8a52-0000-0000-0000-000000000000",
    user_email: "developer@company.com",
    user_alias: "john-developer",
    user_role: "internal_user",
    max_budget: 100,
    budget_duration: "30d",
    models: ["gpt-4", "gpt-3.5-turbo"],
    metadata: { department: "Engineering" },
    auto_create_key: false,
  });
  assert.equal(created.status, 200, JSON.stringify(created.json));
  for (const line of commandLines(doc.claim("sh", "terraform import litellm_user.developer"))) {
    fs.rmSync(path.join(work, "terraform.tfstate"), { force: true });
    await box.sh(line, { cwd: work, env });
    const shown = JSON.parse((await box.sh("terraform show -json", { cwd: work, env })).stdout);
    assert.equal(shown.values.root_module.resources[0].values.user_id, "0b0c8a52-0000-0000-0000-000000000000", line);
    // The plan adopts the user: nothing is created or destroyed. (It still shows budget_duration "30d" ->
    // "monthly": LiteLLM stores the seed's "monthly" as "30d", and an import cannot know which the user wrote.)
    const plan = await box.sh("terraform plan -no-color", { cwd: work, env });
    assert.match(plan.stdout, /(No changes\.|Plan: 0 to add, \d+ to change, 0 to destroy\.)/, plan.stdout);
  }

  // "Try your configuration offline": the packaged emulator answers with the master key it was given.
  const url = await startDaemon(t, substitute(doc.claim("sh", "litellm-tf emulator").text).trim(), box);
  assert.equal((await apiCall(url, "sk-1234", "GET", "/user/list")).status, 200);
});

test("README: the CDK snippet type-checks and synthesizes; the contributors' dev_overrides work", { timeout: 600_000 }, async (t) => {
  const box = sandbox(t, "readme-cdk");
  const app = path.join(box.dir, "app");
  fs.mkdirSync(path.join(app, "node_modules"), { recursive: true });
  fs.symlinkSync(root, path.join(app, "node_modules", "litellm-tf"));
  for (const name of ["cdktn", "cdktf", "constructs", "@types"]) fs.symlinkSync(path.join(root, "node_modules", name), path.join(app, "node_modules", name));
  fs.writeFileSync(path.join(app, "main.ts"), wrapFragment(doc.claim("ts", "litellm-tf/cdktn").text, "readme"));
  await typeCheck(app, ["main.ts"]);
  const synth = await run(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "main.ts"], { cwd: app, env: { ...box.env, CDKTF_OUTDIR: path.join(app, "out") } });
  assert.equal(synth.code, 0, synth.stderr);
  const stack = JSON.parse(fs.readFileSync(path.join(app, "out", "stacks", "readme", "cdk.tf.json"), "utf8"));
  assert.equal(stack.resource.litellm_user.alice.user_email, "alice@example.com");

  // "Running your build with Terraform (dev_overrides)": the printed directory in place of the placeholder.
  const providerDir = (await box.sh("node dist/cli.js provider-dir", { cwd: root })).stdout.trim();
  const tfrc = path.join(box.dir, "dev.tfrc");
  fs.writeFileSync(tfrc, doc.claim("hcl", "dev_overrides").text.replace("/path/printed/by/provider-dir", providerDir));
  const work = path.join(box.dir, "work");
  fs.mkdirSync(work);
  fs.writeFileSync(path.join(work, "main.tf"), 'terraform {\n  required_providers {\n    litellm = { source = "litellm-tf/litellm" }\n  }\n}\ndata "litellm_user" "nobody" {\n  user_email = "nobody@example.com"\n}\n');
  const emulator = await startEmulator({ port: 0, masterKey: "sk-1234" });
  t.after(() => emulator.close());
  const plan = await box.sh("terraform plan -no-color", { cwd: work, env: { TF_CLI_CONFIG_FILE: tfrc, LITELLM_API_BASE: emulator.url, LITELLM_API_KEY: "sk-1234" }, expectedCode: 1 });
  assert.match(plan.stderr + plan.stdout, /Provider development overrides are in effect/);

  doc.assertAllClaimed();
});
