// litellm_credential made from a deployment (model_id) with real terraform 1.11: LiteLLM copies the deployment's
// upstream credentials; nothing secret reaches state; apply, clean plan, import, clean plan; a new model_id warns
// that it acts only at creation; destroy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { type TestEmulator } from "../support/emulator";
import { providerBlock } from "../support/terraform";
import { managementState, stateFileText } from "./keys-support";
import { stateOf, teamTestFile } from "./team-support";

const SECRET = "sk-upstream-copied-61c0de22ab";

const config = (source: "a" | "b") => `resource "litellm_model" "a" {
  model_name            = "gpt-4o"
  custom_llm_provider   = "openai"
  base_model            = "gpt-4o"
  model_api_base        = "https://api.openai.com/v1"
  model_api_key         = "${SECRET}"
  model_api_key_version = "1"
}

resource "litellm_model" "b" {
  model_name          = "gpt-4o-mini"
  custom_llm_provider = "openai"
  base_model          = "gpt-4o-mini"
}

resource "litellm_credential" "copied" {
  credential_name = "copied-from-model"
  credential_info = { custom_llm_provider = "openai" }
  model_id        = litellm_model.${source}.id
}
`;

let emu: TestEmulator;
const workspaces = teamTestFile({ resetEachTest: true }, (e) => (emu = e));

test("a credential copies a deployment's credentials; import plans clean; another model_id warns; destroy", async () => {
  const ws = workspaces.create(config("a"));
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const cred = (await managementState(emu)).credentials.find((c) => c.credential_name === "copied-from-model")!;
  assert.deepEqual([cred.credential_values.api_key, cred.credential_values.api_base], [SECRET, "https://api.openai.com/v1"]);
  assert.ok(!stateFileText(ws).includes(SECRET), "no secret in state");
  assert.equal((await stateOf(ws)).get("litellm_credential.copied")!.model_id, null, "model_id is write-only");
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  const state = await stateOf(ws);
  const fresh = workspaces.create(config("a"));
  await fresh.ok(["import", "-no-color", "litellm_model.a", `${String(state.get("litellm_model.a")!.id)},1`]);
  await fresh.ok(["import", "-no-color", "litellm_model.b", String(state.get("litellm_model.b")!.id)]);
  await fresh.ok(["import", "-no-color", "litellm_credential.copied", "copied-from-model"]);
  await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  // LiteLLM keeps no link to the deployment: a new model_id changes nothing, and the plan says so.
  ws.write({ "main.tf": providerBlock + config("b") });
  const moved = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  assert.match(moved.stdout, /Model ID Acts Only At Creation/);
  assert.match(moved.stdout.replace(/\s+/g, " "), /terraform apply -replace/);

  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  assert.equal((await managementState(emu)).credentials.length, 0);
});

test("model_id with credential_values is refused before any call", async () => {
  const ws = workspaces.create('resource "litellm_credential" "c" {\n  credential_name   = "x"\n  credential_info   = {}\n  credential_values = { api_key = "sk-x" }\n  model_id          = "m"\n}\n');
  const r = await ws.ok(["validate", "-no-color"], 1);
  assert.match(r.stderr, /Conflicting Attributes/);
  assert.match(r.stderr, /model_id/);
});
