// litellm_credential and litellm_model with real terraform 1.11: the write-only secrets reach LiteLLM, never
// plan, state or any TRACE log line; a version change sends them again; import, drift and destroy.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { adminCall, type TestEmulator } from "../support/emulator";
import { providerBlock, type RunResult, type Workspace } from "../support/terraform";
import { managementState, stateFileText } from "./keys-support";
import { teamTestFile, stateOf } from "./team-support";

const CRED_SECRET = "sk-upstream-cred-7f3a9c2e41d8";
const MODEL_SECRET = "sk-upstream-model-b91e0d6a55c3";
const NEW_SECRET = "sk-upstream-rotated-44aa10ce";

const config = (o: { modelSecret?: string; modelVersion?: string; credVersion?: string } = {}) => `resource "litellm_credential" "openai" {
  credential_name           = "openai-prod"
  credential_info           = { custom_llm_provider = "openai" }
  credential_values         = { api_key = "${CRED_SECRET}", api_base = "https://api.openai.com/v1" }
  credential_values_version = "${o.credVersion ?? "1"}"
}

resource "litellm_model" "direct" {
  model_name            = "gpt-4o"
  custom_llm_provider   = "openai"
  base_model            = "gpt-4o"
  model_api_base        = "https://api.openai.com/v1"
  model_api_key         = "${o.modelSecret ?? MODEL_SECRET}"
  model_api_key_version = "${o.modelVersion ?? "1"}"
  tpm                   = 100000
  rpm                   = 500
  mode                  = "chat"
  access_groups         = ["general"]
}

resource "litellm_model" "shared" {
  model_name              = "gpt-4o-mini"
  custom_llm_provider     = "openai"
  base_model              = "gpt-4o-mini"
  litellm_credential_name = litellm_credential.openai.credential_name
}
`;

let emu: TestEmulator;
const workspaces = teamTestFile({ resetEachTest: true }, (started) => (emu = started));

/** Runs terraform under TF_LOG=TRACE and returns the command's output together with its log. */
async function traced(ws: Workspace, args: string[], code = 0): Promise<RunResult & { log: string }> {
  const logFile = path.join(ws.dir, `trace-${Date.now()}-${Math.random().toString(16).slice(2)}.log`);
  const r = await ws.ok(args, code, { TF_LOG: "TRACE", TF_LOG_PATH: logFile });
  const log = fs.readFileSync(logFile, "utf8");
  fs.rmSync(logFile);
  return { ...r, log };
}

function assertNoSecret(where: string, text: string, secrets: string[]): void {
  for (const s of [...secrets, emu.masterKey]) assert.ok(!text.includes(s), `${where} contains a secret (${s.slice(0, 12)}...)`);
}

test("secrets reach LiteLLM but no plan, state, output or TRACE log; version changes send them again", async () => {
  const ws = workspaces.create(config());
  const plan = await traced(ws, ["plan", "-no-color", "-out=tfplan"], 0);
  assertNoSecret("plan", plan.stdout + plan.stderr + plan.log, [CRED_SECRET, MODEL_SECRET]);
  // The saved plan file carries a snapshot of the .tf files (the secrets are literals there); what it plans does not.
  const planned = JSON.parse((await ws.ok(["show", "-json", "tfplan"])).stdout) as { planned_values: unknown; resource_changes: unknown };
  assertNoSecret("saved plan", JSON.stringify([planned.planned_values, planned.resource_changes]), [CRED_SECRET, MODEL_SECRET]);
  const apply = await traced(ws, ["apply", "-auto-approve", "-no-color", "tfplan"]);
  assertNoSecret("apply", apply.stdout + apply.stderr + apply.log, [CRED_SECRET, MODEL_SECRET]);
  assertNoSecret("state file", stateFileText(ws), [CRED_SECRET, MODEL_SECRET]);

  const held = await managementState(emu);
  const cred = held.credentials.find((c) => c.credential_name === "openai-prod")!;
  assert.equal(cred.credential_values.api_key, CRED_SECRET);
  assert.deepEqual(cred.credential_info, { custom_llm_provider: "openai" });
  const state = await stateOf(ws);
  const direct = held.models.find((m) => m.model_id === state.get("litellm_model.direct")!.id)!;
  assert.equal(direct.litellm_params.api_key, MODEL_SECRET);
  assert.equal(direct.litellm_params.model, "openai/gpt-4o");
  assert.deepEqual(direct.model_info.access_groups, ["general"]);
  assert.equal(state.get("litellm_model.direct")!.model_api_key, null);
  assert.equal(state.get("litellm_credential.openai")!.credential_values, null);
  const shared = held.models.find((m) => m.model_id === state.get("litellm_model.shared")!.id)!;
  assert.equal(shared.litellm_params.litellm_credential_name, "openai-prod");

  const clean = await traced(ws, ["plan", "-detailed-exitcode", "-no-color"], 0);
  assertNoSecret("clean plan", clean.stdout + clean.log, [CRED_SECRET, MODEL_SECRET]);

  // A new secret alone is invisible to the plan; with a new version it is sent.
  ws.write({ "main.tf": providerBlock + config({ modelSecret: NEW_SECRET }) });
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  ws.write({ "main.tf": providerBlock + config({ modelSecret: NEW_SECRET, modelVersion: "2" }) });
  const rotate = await traced(ws, ["apply", "-auto-approve", "-no-color"]);
  assert.match(rotate.stdout, /1 changed/);
  assertNoSecret("rotation", rotate.stdout + rotate.log + stateFileText(ws), [CRED_SECRET, MODEL_SECRET, NEW_SECRET]);
  assert.equal((await managementState(emu)).models.find((m) => m.model_name === "gpt-4o")!.litellm_params.api_key, NEW_SECRET);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  const gone = await managementState(emu);
  assert.deepEqual([gone.models.length, gone.credentials.length], [0, 0]);
});

test("import into a fresh state: one update that sends the write-only values, then a clean plan", async () => {
  const ws = workspaces.create(config());
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const state = await stateOf(ws);
  const fresh = workspaces.create(config());
  await fresh.ok(["import", "-no-color", "litellm_credential.openai", "openai-prod"]);
  await fresh.ok(["import", "-no-color", "litellm_model.direct", String(state.get("litellm_model.direct")!.id)]);
  await fresh.ok(["import", "-no-color", "litellm_model.shared", String(state.get("litellm_model.shared")!.id)]);
  const plan = await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  // LiteLLM never shows the secrets, so the provider cannot know they match: the version arguments say it sends them.
  assert.match(plan.stdout, /\+ credential_values_version = "1"/);
  assert.match(plan.stdout, /\+ model_api_key_version\s+= "1"/);
  assert.match(plan.stdout, /Plan: 0 to add, 2 to change, 0 to destroy\./);
  await fresh.ok(["apply", "-auto-approve", "-no-color"]);
  await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  assertNoSecret("imported state", stateFileText(fresh), [CRED_SECRET, MODEL_SECRET]);
});

test("drift: a model changed out of band is put back; deleted ones are recreated", async () => {
  const ws = workspaces.create(config());
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const id = String((await stateOf(ws)).get("litellm_model.direct")!.id);
  const patched = await fetch(`${emu.url}/model/${id}/update`, {
    method: "PATCH",
    headers: { Authorization: `Bearer ${emu.masterKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({ litellm_params: { rpm: 1 } }),
  });
  assert.equal(patched.status, 200);
  const plan = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(plan.stdout, /~ rpm\s+= 1 -> 500/);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  assert.equal((await adminCall(emu, "POST", "/model/delete", { id })).status, 200);
  const del = await fetch(`${emu.url}/credentials/openai-prod`, { method: "DELETE", headers: { Authorization: `Bearer ${emu.masterKey}` } });
  assert.equal(del.status, 200);
  const recreate = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(recreate.stdout, /litellm_model\.direct will be created/);
  assert.match(recreate.stdout, /litellm_credential\.openai will be created/);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  assert.equal((await managementState(emu)).credentials[0]!.credential_values.api_key, CRED_SECRET, "a recreated credential gets its write-only values");
});

test("removing an argument LiteLLM cannot clear replaces the model, and the plan says so", async () => {
  const ws = workspaces.create(config());
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  ws.write({ "main.tf": providerBlock + config().replace('  mode                  = "chat"\n', "") });
  const plan = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(plan.stdout, /litellm_model\.direct must be replaced/);
  assert.match(plan.stdout, /Removing This Replaces The Object/);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
});
