// Import, then plan with the matching configuration: no changes, for the arguments LiteLLM cannot show back.
// A model's or credential's write-only secret: the import ID carries its version ("<id>,<version>"), saying
// the object holds that secret. A key's duration: read from its lifetime (expires - created_at).
import { test } from "node:test";
import assert from "node:assert/strict";
import { type TestEmulator } from "../support/emulator";
import { providerBlock } from "../support/terraform";
import { managementState, stateFileText } from "./keys-support";
import { stateOf, teamTestFile } from "./team-support";

const CRED_SECRET = "sk-import-cred-5d1e77a0c2";
const MODEL_SECRET = "sk-import-model-0b8f3e19d4";

const secrets = `resource "litellm_credential" "openai" {
  credential_name           = "openai-import"
  credential_info           = { custom_llm_provider = "openai" }
  credential_values         = { api_key = "${CRED_SECRET}" }
  credential_values_version = "3"
}

resource "litellm_model" "direct" {
  model_name            = "gpt-4o"
  custom_llm_provider   = "openai"
  base_model            = "gpt-4o"
  model_api_key         = "${MODEL_SECRET}"
  model_api_key_version = "2026-01"
}
`;

const key = (duration: string | null) => `resource "litellm_key" "svc" {
  key_alias = "expiring"
${duration === null ? "" : `  duration  = "${duration}"\n`}}
`;

let emu: TestEmulator;
const workspaces = teamTestFile({ resetEachTest: true }, (e) => (emu = e));

test("a model and a credential imported with their secrets' version plan clean, and a later version sends again", async () => {
  const ws = workspaces.create(secrets);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const modelId = String((await stateOf(ws)).get("litellm_model.direct")!.id);

  const fresh = workspaces.create(secrets);
  await fresh.ok(["import", "-no-color", "litellm_credential.openai", "openai-import,3"]);
  await fresh.ok(["import", "-no-color", "litellm_model.direct", `${modelId},2026-01`]);
  const plan = await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  assert.match(plan.stdout, /No changes/);
  const state = await stateOf(fresh);
  assert.equal(state.get("litellm_model.direct")!.id, modelId);
  assert.equal(state.get("litellm_model.direct")!.model_api_key_version, "2026-01");
  assert.equal(state.get("litellm_credential.openai")!.credential_name, "openai-import");
  assert.equal(state.get("litellm_credential.openai")!.credential_values_version, "3");
  assert.ok(!stateFileText(fresh).includes(CRED_SECRET) && !stateFileText(fresh).includes(MODEL_SECRET), "no secret in the imported state");

  // The version stays the trigger after an import: a new one sends the new secret.
  fresh.write({ "main.tf": providerBlock + secrets.replace(MODEL_SECRET, "sk-import-model-new-77").replace('"2026-01"', '"2026-02"') });
  const bump = await fresh.ok(["apply", "-auto-approve", "-no-color"]);
  assert.match(bump.stdout, /0 added, 1 changed, 0 destroyed/);
  assert.equal((await managementState(emu)).models.find((m) => m.model_id === modelId)!.litellm_params.api_key, "sk-import-model-new-77");
  await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
});

test("an import ID whose name holds a comma is still found whole", async () => {
  const config = secrets.replace('"openai-import"', '"team-a,prod"');
  const ws = workspaces.create(config);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const fresh = workspaces.create(config.replace(/resource "litellm_model"[\s\S]*/, ""));
  await fresh.ok(["import", "-no-color", "litellm_credential.openai", "team-a,prod"]);
  const plan = await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(plan.stdout, /\+ credential_values_version = "3"/, "without a version in the ID, the plan says it sends the secret");
});

test("a key with duration imported by alias plans clean; its expiry is kept until duration changes", async () => {
  const ws = workspaces.create(key("30d"));
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const made = (await stateOf(ws)).get("litellm_key.svc")!;
  assert.notEqual(made.expires, null);

  for (const spelling of ["30d", "720h"]) {
    const fresh = workspaces.create(key(spelling));
    await fresh.ok(["import", "-no-color", "litellm_key.svc", "expiring"]);
    const imported = (await stateOf(fresh)).get("litellm_key.svc")!;
    assert.equal(imported.duration, "30d", "the duration the key's lifetime shows");
    const plan = await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
    assert.match(plan.stdout, /No changes/);
  }

  // Left out after an import, the key keeps its expiry (nothing planned).
  const bare = workspaces.create(key(null));
  await bare.ok(["import", "-no-color", "litellm_key.svc", "expiring"]);
  await bare.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  // Another duration restarts the expiry from now, and the plan says expires changes.
  const fresh = workspaces.create(key("30d"));
  await fresh.ok(["import", "-no-color", "litellm_key.svc", "expiring"]);
  fresh.write({ "main.tf": providerBlock + key("1d") });
  const change = await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(change.stdout, /~ duration\s+= "30d" -> "1d"/);
  assert.match(change.stdout, /~ expires\s+= ".*" -> \(known after apply\)/);
  await fresh.ok(["apply", "-auto-approve", "-no-color"]);
  const row = (await managementState(emu)).keys.find((k) => k.key_alias === "expiring")!;
  const lifetime = Date.parse(row.expires!) - Date.now();
  assert.ok(lifetime > 0 && lifetime <= 86_400_000, `expires is one day from now (${row.expires})`);
  await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  // Written by the user and then removed: the key never expires, as LiteLLM does with duration null.
  fresh.write({ "main.tf": providerBlock + key(null) });
  const removal = await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(removal.stdout, /- duration\s+= "1d" -> null/);
  await fresh.ok(["apply", "-auto-approve", "-no-color"]);
  assert.equal((await managementState(emu)).keys.find((k) => k.key_alias === "expiring")!.expires, null);
  await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
});

test("a key without an expiry imports with no duration", async () => {
  const ws = workspaces.create(key(null));
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const fresh = workspaces.create(key(null));
  await fresh.ok(["import", "-no-color", "litellm_key.svc", "expiring"]);
  assert.equal((await stateOf(fresh)).get("litellm_key.svc")!.duration, null);
  await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
});
