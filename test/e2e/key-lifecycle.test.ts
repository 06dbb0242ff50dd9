// litellm_key with real terraform: create with every kind of argument, a clean plan, import by alias into a fresh
// state, drift (changed and deleted out of band), blocking, rotation by replacement and in place, destroy.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { adminCall, type TestEmulator } from "../support/emulator";
import { createWorkspace, providerBlock, type Workspace } from "../support/terraform";
import { managementState } from "./keys-support";
import { startTeamEmulator, stateOf, teamTestFile } from "./team-support";

const key = (extra = "") => `resource "litellm_team" "ml" {
  team_alias = "ml-team"
}

resource "litellm_key" "svc" {
  key_alias             = "ml-service"
  team_id               = litellm_team.ml.team_id
  user_id               = "svc-user"
  models                = ["gpt-4o", "claude-3-5-sonnet"]
  max_budget            = 25.5
  budget_duration       = "30d"
  tpm_limit             = 10000
  rpm_limit             = 100
  max_parallel_requests = 4
  model_rpm_limit       = { "gpt-4o" = 10 }
  metadata              = jsonencode({ owner = "ml", cost_center = 42 })
  tags                  = ["ml", "prod"]
  guardrails            = ["pii-mask"]
  allowed_routes        = ["/chat/completions"]
${extra}}
`;

let emu: TestEmulator;
const workspaces = teamTestFile({ enterprise: true, resetEachTest: true }, (started) => (emu = started));

function edit(ws: Workspace, change: (text: string) => string): void {
  const file = path.join(ws.dir, "main.tf");
  fs.writeFileSync(file, change(fs.readFileSync(file, "utf8")));
}

async function applied(extra = "") {
  const ws = workspaces.create(key(extra));
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const s = (await stateOf(ws)).get("litellm_key.svc")!;
  return { ws, state: s, token: String(s.id) };
}

test("create, clean plan, LiteLLM's view, import by alias and by hash, destroy", async () => {
  const { ws, state, token } = await applied();
  assert.match(token, /^[0-9a-f]{64}$/);
  assert.match(String(state.key), /^sk-/);
  assert.equal(state.blocked, false);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  const row = (await managementState(emu)).keys.find((k) => k.token === token)!;
  assert.equal(row.key_alias, "ml-service");
  assert.deepEqual(row.metadata, { owner: "ml", cost_center: 42, tags: ["ml", "prod"], guardrails: ["pii-mask"], model_rpm_limit: { "gpt-4o": 10 } });

  for (const id of ["ml-service", token]) {
    const fresh = workspaces.create(key());
    await fresh.ok(["import", "-no-color", "litellm_team.ml", String((await stateOf(ws)).get("litellm_team.ml")!.id)]);
    await fresh.ok(["import", "-no-color", "litellm_key.svc", id]);
    const plan = await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
    assert.match(plan.stdout, /No changes/);
    const imported = (await stateOf(fresh)).get("litellm_key.svc")!;
    assert.equal(imported.id, token);
    assert.equal(imported.key, null, "the secret cannot be read back");
  }
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  assert.equal((await managementState(emu)).keys.length, 0);
});

test("drift: metadata changed out of band is put back without losing tags; a deleted key is recreated", async () => {
  const { ws, token } = await applied();
  assert.equal((await adminCall(emu, "POST", "/key/update", { key: token, metadata: { owner: "someone-else" } })).status, 200);
  const plan = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(plan.stdout, /~ metadata/);
  assert.match(plan.stdout, /Plan: 0 to add, 1 to change, 0 to destroy\./);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const row = (await managementState(emu)).keys.find((k) => k.token === token)!;
  assert.deepEqual(row.metadata.tags, ["ml", "prod"], "LiteLLM's own metadata keys survive a metadata change");
  assert.equal(row.metadata.owner, "ml");
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  assert.equal((await adminCall(emu, "POST", "/key/delete", { keys: [token] })).status, 200);
  const recreate = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(recreate.stdout, /litellm_key\.svc will be created/);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
});

test("blocked goes through /key/block and /key/unblock; removing arguments clears them", async () => {
  const { ws, token } = await applied();
  edit(ws, (text) => text.replace('  allowed_routes        = ["/chat/completions"]\n', "  blocked = true\n").replace(/  tags .*\n/, ""));
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  let row = (await managementState(emu)).keys.find((k) => k.token === token)!;
  assert.equal(row.blocked, true);
  assert.deepEqual(row.allowed_routes, []);
  assert.deepEqual(row.metadata.tags, []);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  const log = (await adminCall(emu, "GET", "/_emulator/requests")).body as { requests: { path: string }[] };
  assert.ok(log.requests.some((r) => r.path === "/key/block"));
  edit(ws, (text) => text.replace("  blocked = true\n", ""));
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  row = (await managementState(emu)).keys.find((k) => k.token === token)!;
  assert.equal(row.blocked, false);
});

test("rotation: replaced by default, regenerated in place with rotation_in_place; the plan says which", async () => {
  const { ws, state, token } = await applied('  rotation = "2026-01"\n');
  ws.write({ "main.tf": providerBlock + key('  rotation = "2026-02"\n') });
  const replace = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(replace.stdout, /must be replaced/);
  assert.match(replace.stdout, /rotation .*# forces replacement/);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const replaced = (await stateOf(ws)).get("litellm_key.svc")!;
  assert.notEqual(replaced.id, token);
  assert.notEqual(replaced.key, state.key);

  ws.write({ "main.tf": providerBlock + key('  rotation = "2026-02"\n  rotation_in_place = true\n') });
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  ws.write({ "main.tf": providerBlock + key('  rotation = "2026-03"\n  rotation_in_place = true\n') });
  const inPlace = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(inPlace.stdout, /will be updated in-place/);
  assert.doesNotMatch(inPlace.stdout, /must be replaced/);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const regenerated = (await stateOf(ws)).get("litellm_key.svc")!;
  assert.notEqual(regenerated.id, replaced.id);
  assert.notEqual(regenerated.key, replaced.key);
  const keys = (await managementState(emu)).keys;
  assert.deepEqual(keys.map((k) => k.token), [regenerated.id], "regenerate moved the key to its new hash");
  assert.equal(keys[0]!.key_alias, "ml-service");
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
});

test("in-place rotation without an enterprise licence fails with a way out, and the key stays", async () => {
  const open = await startTeamEmulator();
  const ws = createWorkspace({
    apiBase: open.url,
    apiKey: open.masterKey,
    files: { "main.tf": `${providerBlock}\nresource "litellm_key" "k" {\n  rotation = "1"\n  rotation_in_place = true\n}\n` },
  });
  try {
    await ws.ok(["apply", "-auto-approve", "-no-color"]);
    const before = (await stateOf(ws)).get("litellm_key.k")!;
    ws.write({ "main.tf": `${providerBlock}\nresource "litellm_key" "k" {\n  rotation = "2"\n  rotation_in_place = true\n}\n` });
    const r = await ws.ok(["apply", "-auto-approve", "-no-color"], 1);
    assert.match(r.stderr, /Cannot Regenerate Key/);
    assert.match(r.stderr, /rotation_in_place = false/);
    const after = (await stateOf(ws)).get("litellm_key.k")!;
    assert.equal(after.id, before.id);
  } finally {
    ws.dispose();
    await open.close();
  }
});

test("the secret never reaches a TRACE log, plan output or error text; state marks it sensitive", async () => {
  const ws = workspaces.create(key());
  const logFile = path.join(ws.dir, "trace.log");
  const applyRun = await ws.ok(["apply", "-auto-approve", "-no-color"], 0, { TF_LOG: "TRACE", TF_LOG_PATH: logFile });
  const show = await ws.stateJson();
  const resource = show.values!.root_module!.resources!.find((r) => r.address === "litellm_key.svc")!;
  const secret = String(resource.values.key);
  assert.match(secret, /^sk-/);
  assert.equal((resource.sensitive_values as Record<string, unknown>).key, true);
  ws.write({ "main.tf": providerBlock + key('  rotation = "next"\n') });
  const planRun = await ws.ok(["plan", "-no-color"], 0, { TF_LOG: "TRACE", TF_LOG_PATH: logFile });
  assert.match(planRun.stdout, /key\s+= \(sensitive value\)/);
  const texts = [applyRun.stdout, applyRun.stderr, planRun.stdout, planRun.stderr, fs.readFileSync(logFile, "utf8")];
  for (const t of texts) {
    assert.ok(!t.includes(secret), "the key's secret leaked");
    assert.ok(!t.includes(emu.masterKey), "the master key leaked");
  }
});
