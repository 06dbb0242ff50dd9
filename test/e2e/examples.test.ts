// Every example under examples/ works: registry-layout files validate, import.sh's commands import, and each
// scenario folder applies on the emulator with real terraform, then plans clean and destroys to nothing.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { adminCall, emulatorSnapshot, emulatorState, startTestEmulator, type TestEmulator } from "../support/emulator";
import { createWorkspace, providerBlock, repoRoot, resourcesByAddress, type Workspace } from "../support/terraform";
import { PROXY_ADMIN, teamState } from "./team-support";

const examplesDir = path.join(repoRoot, "examples");
const scenariosDir = path.join(examplesDir, "scenarios");

/**
 * Scenario folders this test does not apply, each with the reason. An entry must name a real folder, and a
 * test below checks the reason still holds, so the list cannot go stale silently.
 */
const notApplicableYet: Record<string, { reason: string; unsupportedTypes: string[] }> = {};

/** What must already exist in LiteLLM before a scenario applies, as its README says. */
const preconditions: Record<string, (emu: TestEmulator) => Promise<void>> = {
  "import-existing-user": async (emu) => {
    const created = await adminCall(emu, "POST", "/user/new", { user_email: "ops-lead@example.com", user_alias: "ops-lead", auto_create_key: false });
    assert.equal(created.status, 200, `creating the user to import failed: ${JSON.stringify(created.body)}`);
  },
};

/** What a scenario must have made in LiteLLM, checked after its apply. */
const afterApply: Record<string, (emu: TestEmulator) => Promise<void>> = {
  organization: async (emu) => {
    const held = await emulatorSnapshot<{ models: { model_info: { access_groups?: string[] } }[]; keys: { key_alias: string; models: string[] }[]; teams: { team_alias: string; models: string[] }[] }>(emu);
    assert.equal(held.models.filter((m) => m.model_info.access_groups?.includes("acme-analytics")).length, 2, "the access group holds both deployments");
    assert.deepEqual(held.keys.find((k) => k.key_alias === "acme-data-service")?.models, ["acme-analytics"], "the key is granted the group by name");
    assert.deepEqual(held.teams.find((t) => t.team_alias === "acme-data")?.models, ["acme-analytics"], "the team is granted the group by name");
  },
};

const scenarios = fs
  .readdirSync(scenariosDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const applicable = scenarios.filter((name) => !(name in notApplicableYet));

let emu: TestEmulator;
const workspaces: Workspace[] = [];
function workspace(): Workspace {
  const ws = createWorkspace({ apiBase: emu.url, apiKey: emu.masterKey });
  workspaces.push(ws);
  return ws;
}
function withScenario(name: string): Workspace {
  const ws = workspace();
  fs.cpSync(path.join(scenariosDir, name), ws.dir, { recursive: true });
  return ws;
}
const read = (rel: string) => fs.readFileSync(path.join(examplesDir, rel), "utf8");
const tfFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith(".tf"));
const emailsIn = (text: string) => [...text.matchAll(/^\s*user_email\s*=\s*"([^"]+)"/gm)].map((m) => m[1]);

/** LiteLLM's own users: the master key's placeholder joins (and so gets a user row for) every team it creates. */
const notTheScenarios = (u: Record<string, unknown>) => u.user_id !== PROXY_ADMIN;

async function expectEmpty(why: string): Promise<void> {
  const state = await teamState(emu);
  assert.deepEqual(
    { users: state.users.filter(notTheScenarios).map((u) => u.user_email), keys: state.keys.map((k) => k.key_alias), teams: state.teams.map((t) => t.team_alias) },
    { users: [], keys: [], teams: [] },
    why,
  );
}

before(async () => {
  emu = await startTestEmulator();
});
after(async () => {
  for (const ws of workspaces) ws.dispose();
  await emu.close();
});

test("the scenario list is what this test expects", () => {
  for (const name of Object.keys(notApplicableYet)) assert.ok(scenarios.includes(name), `notApplicableYet names a missing folder: ${name}`);
  for (const name of Object.keys(preconditions)) assert.ok(applicable.includes(name), `preconditions names a missing folder: ${name}`);
  for (const name of Object.keys(afterApply)) assert.ok(applicable.includes(name), `afterApply names a missing folder: ${name}`);
  assert.ok(applicable.length >= 7, `expected the seeds' scenarios, found ${applicable.join(", ")}`);
  for (const name of scenarios) {
    const files = tfFiles(path.join(scenariosDir, name));
    const text = files.map((f) => fs.readFileSync(path.join(scenariosDir, name, f), "utf8")).join("\n");
    assert.match(text, /source\s*=\s*"litellm-tf\/litellm"/, `${name} declares the provider source`);
    assert.match(text, /provider "litellm" \{\}/, `${name} configures the provider from the environment`);
  }
});

test("every scenario uses its own emails", () => {
  const seen = new Map<string, string>();
  for (const name of scenarios) {
    for (const file of tfFiles(path.join(scenariosDir, name))) {
      for (const email of emailsIn(fs.readFileSync(path.join(scenariosDir, name, file), "utf8"))) {
        const key = email.toLowerCase();
        assert.ok(!seen.has(key), `${email} is used by both ${seen.get(key)} and ${name}`);
        seen.set(key, name);
      }
    }
  }
});

for (const [name, { reason, unsupportedTypes }] of Object.entries(notApplicableYet)) {
  test(`${name} is not applied: ${reason}; validate still rejects exactly those types`, async () => {
    const ws = withScenario(name);
    const r = await ws.ok(["validate", "-json"], 1);
    const diags = (JSON.parse(r.stdout) as { diagnostics: { severity: string; detail: string }[] }).diagnostics.filter((d) => d.severity === "error");
    const rejected = diags.map((d) => /does not support resource type "([^"]+)"/.exec(d.detail)?.[1]);
    assert.deepEqual(rejected.sort(), [...unsupportedTypes].sort(), "once these types exist, drop the folder from notApplicableYet");
  });
}

test("examples are terraform fmt clean", async () => {
  const ws = workspace();
  const r = await ws.terraform(["fmt", "-check", "-recursive", "-list=true", examplesDir]);
  assert.equal(r.code, 0, `run terraform fmt -recursive examples; unformatted:\n${r.stdout}${r.stderr}`);
});

// The resource and data-source examples are applied as written by registry-examples.test.ts; the provider block
// stands alone.
test("the provider example validates", async () => {
  const ws = workspace();
  ws.write({ "main.tf": read("provider/provider.tf") });
  const r = await ws.terraform(["validate", "-no-color"]);
  assert.equal(r.code, 0, `provider/provider.tf does not validate:\n${r.stderr}`);
});

test("each scenario validates", async () => {
  for (const name of applicable) {
    const r = await withScenario(name).terraform(["validate", "-no-color"]);
    assert.equal(r.code, 0, `${name} does not validate:\n${r.stderr}`);
  }
});

test("import.sh's commands import the user by user_id and by email", async () => {
  const commands = read("resources/litellm_user/import.sh")
    .split("\n")
    .filter((line) => line.startsWith("terraform import "))
    .map((line) => line.trim().split(/\s+/).slice(1));
  assert.equal(commands.length, 2, "import.sh shows the user_id form and the email form");
  const byEmail = commands.find((c) => c[2].includes("@"));
  const byId = commands.find((c) => !c[2].includes("@"));
  assert.ok(byEmail && byId, "import.sh shows both forms");

  const email = byEmail[2];
  const created = await adminCall(emu, "POST", "/user/new", { user_email: email, auto_create_key: false });
  assert.equal(created.status, 200);
  const userId = String((created.body as { user_id: string }).user_id);
  const config = `${providerBlock}\nresource "litellm_user" "example" {\n  user_email = ${JSON.stringify(email)}\n}\n`;
  try {
    // The user_id in import.sh is a placeholder; the command's shape is what is under test.
    for (const args of [byId.map((a) => (a === byId[2] ? userId : a)), byEmail]) {
      const ws = workspace();
      ws.write({ "main.tf": config });
      await ws.ok(args);
      const state = resourcesByAddress(await ws.stateJson()).get(args[1]);
      assert.equal(state?.user_id, userId, `${args.join(" ")} adopts the existing user`);
      assert.equal(state?.user_email, email);
    }
  } finally {
    await adminCall(emu, "POST", "/user/delete", { user_ids: [userId] });
  }
  await expectEmpty("the imported user is deleted again");
});

test("import-existing-user with only its import block: -generate-config-out writes HCL that plans only the import", async () => {
  await expectEmpty("the emulator starts empty");
  await preconditions["import-existing-user"](emu);
  const ws = workspace();
  const scenario = path.join(scenariosDir, "import-existing-user");
  const importBlock = /^import \{[^}]*\}\n/m.exec(fs.readFileSync(path.join(scenario, "main.tf"), "utf8"));
  assert.ok(importBlock, "the scenario has an import block");
  ws.write({ "providers.tf": fs.readFileSync(path.join(scenario, "providers.tf"), "utf8"), "main.tf": importBlock[0] });
  try {
    await ws.ok(["plan", "-no-color", "-generate-config-out=generated.tf"]);
    assert.match(fs.readFileSync(path.join(ws.dir, "generated.tf"), "utf8"), /resource "litellm_user" "ops_lead"/);
    const plan = await ws.ok(["plan", "-no-color"]);
    assert.match(plan.stdout, /Plan: 1 to import, 0 to add, 0 to change, 0 to destroy\./, `the generated configuration plans no change:\n${plan.stdout}`);
    await ws.ok(["apply", "-auto-approve", "-no-color"]);
    await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
    await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  } finally {
    // Leave the emulator empty for the next test even when an assertion above failed.
    const left = (await emulatorState(emu)).users.map((u) => u.user_id);
    if (left.length) await adminCall(emu, "POST", "/user/delete", { user_ids: left });
  }
  await expectEmpty("nothing is left");
});

for (const name of applicable) {
  test(`scenario ${name}: apply, plan shows no changes, destroy leaves LiteLLM empty`, async () => {
    await expectEmpty("the emulator starts empty");
    const setup = preconditions[name];
    if (setup) await setup(emu);
    const existing = (await emulatorState(emu)).users.filter(notTheScenarios).map((u) => u.user_id);

    const ws = withScenario(name);
    await ws.ok(["apply", "-auto-approve", "-no-color"]);
    const users = (await emulatorState(emu)).users.filter(notTheScenarios);
    const expected = tfFiles(ws.dir).flatMap((f) => emailsIn(fs.readFileSync(path.join(ws.dir, f), "utf8")));
    assert.deepEqual(users.map((u) => u.user_email).sort(), expected.sort(), "LiteLLM has exactly the scenario's users");
    for (const id of existing) assert.ok(users.some((u) => u.user_id === id), `the existing user ${String(id)} was adopted, not replaced`);
    await afterApply[name]?.(emu);

    await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
    await ws.ok(["destroy", "-auto-approve", "-no-color"]);
    await expectEmpty(`destroying ${name} deletes its users and their keys`);
    assert.deepEqual((await emulatorSnapshot<{ models: unknown[] }>(emu)).models, [], `destroying ${name} deletes its models, and with them its access groups`);
  });
}
