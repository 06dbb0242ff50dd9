// litellm_model for AWS Bedrock and Vertex AI with pricing, with real terraform 1.11: the write-only AWS and
// Vertex secrets reach LiteLLM but no plan, state or TRACE log; apply, clean plan, import (with the secrets'
// version), clean plan, a price change in place, a version change that sends the secrets again, destroy.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { type TestEmulator } from "../support/emulator";
import { providerBlock, type Workspace } from "../support/terraform";
import { managementState, stateFileText } from "./keys-support";
import { stateOf, teamTestFile } from "./team-support";

const AWS_KEY_ID = "AKIAEXTRASTEST7Q2Z";
const AWS_SECRET = "aws-secret-extras-9f31c0d7be";
const VERTEX_JSON = '{"type":"service_account","private_key":"vertex-private-extras-5e2a"}';
const ROTATED = "aws-secret-rotated-extras-03d1";

const config = (o: { secret?: string; version?: string; price?: string } = {}) => `resource "litellm_model" "bedrock" {
  model_name            = "claude-bedrock"
  custom_llm_provider   = "bedrock"
  base_model            = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  aws_access_key_id     = "${AWS_KEY_ID}"
  aws_secret_access_key = "${o.secret ?? AWS_SECRET}"
  model_api_key_version = "${o.version ?? "1"}"
  aws_region_name       = "eu-central-1"
  aws_role_name         = "arn:aws:iam::123456789012:role/litellm"
  aws_session_name      = "litellm-extras"
  input_cost_per_token  = ${o.price ?? "0.000003"}
  output_cost_per_token = 0.000015
}

resource "litellm_model" "vertex" {
  model_name             = "gemini"
  custom_llm_provider    = "vertex_ai"
  base_model             = "gemini-1.5-pro"
  vertex_project         = "my-project"
  vertex_location        = "us-central1"
  vertex_credentials     = ${JSON.stringify(VERTEX_JSON)}
  model_api_key_version  = "1"
  input_cost_per_second  = 0.0002
  output_cost_per_second = 0.0004
}
`;

let emu: TestEmulator;
const workspaces = teamTestFile({ resetEachTest: true }, (e) => (emu = e));

const SECRETS = [AWS_KEY_ID, AWS_SECRET, "vertex-private-extras-5e2a", ROTATED];

async function traced(ws: Workspace, args: string[], code = 0): Promise<string> {
  const logFile = path.join(ws.dir, `trace-${Math.random().toString(16).slice(2)}.log`);
  const r = await ws.ok(args, code, { TF_LOG: "TRACE", TF_LOG_PATH: logFile });
  const log = fs.readFileSync(logFile, "utf8");
  fs.rmSync(logFile);
  return r.stdout + r.stderr + log;
}

function assertNoSecret(where: string, text: string): void {
  for (const s of [...SECRETS, emu.masterKey]) assert.ok(!text.includes(s), `${where} contains a secret (${s.slice(0, 8)}...)`);
}

test("AWS and Vertex deployments with pricing: secrets only on LiteLLM; import, price change, new secrets, destroy", async () => {
  const ws = workspaces.create(config());
  assertNoSecret("apply", await traced(ws, ["apply", "-auto-approve", "-no-color"]));
  assertNoSecret("state", stateFileText(ws));
  const state = await stateOf(ws);
  const held = await managementState(emu);
  const bedrock = held.models.find((m) => m.model_id === state.get("litellm_model.bedrock")!.id)!;
  assert.deepEqual(
    [bedrock.litellm_params.model, bedrock.litellm_params.aws_access_key_id, bedrock.litellm_params.aws_secret_access_key, bedrock.litellm_params.aws_region_name],
    ["bedrock/anthropic.claude-3-5-sonnet-20240620-v1:0", AWS_KEY_ID, AWS_SECRET, "eu-central-1"],
  );
  assert.deepEqual([bedrock.litellm_params.input_cost_per_token, bedrock.litellm_params.output_cost_per_token], [0.000003, 0.000015]);
  const vertex = held.models.find((m) => m.model_id === state.get("litellm_model.vertex")!.id)!;
  assert.deepEqual([vertex.litellm_params.vertex_credentials, vertex.litellm_params.vertex_project, vertex.litellm_params.input_cost_per_second], [VERTEX_JSON, "my-project", 0.0002]);
  assert.equal(state.get("litellm_model.bedrock")!.aws_secret_access_key, null);
  assertNoSecret("clean plan", await traced(ws, ["plan", "-detailed-exitcode", "-no-color"], 0));

  const fresh = workspaces.create(config());
  await fresh.ok(["import", "-no-color", "litellm_model.bedrock", `${String(state.get("litellm_model.bedrock")!.id)},1`]);
  await fresh.ok(["import", "-no-color", "litellm_model.vertex", `${String(state.get("litellm_model.vertex")!.id)},1`]);
  assertNoSecret("plan after import", await traced(fresh, ["plan", "-detailed-exitcode", "-no-color"], 0));

  fresh.write({ "main.tf": providerBlock + config({ price: "0.000004" }) });
  const price = await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(price.stdout, /~ input_cost_per_token\s+= 0\.000003 -> 0\.000004/);
  assert.match(price.stdout, /0 to add, 1 to change, 0 to destroy/);
  await fresh.ok(["apply", "-auto-approve", "-no-color"]);

  fresh.write({ "main.tf": providerBlock + config({ price: "0.000004", secret: ROTATED, version: "2" }) });
  assertNoSecret("rotation", await traced(fresh, ["apply", "-auto-approve", "-no-color"]));
  const rotated = (await managementState(emu)).models.find((m) => m.model_name === "claude-bedrock")!;
  assert.deepEqual([rotated.litellm_params.aws_secret_access_key, rotated.litellm_params.input_cost_per_token], [ROTATED, 0.000004]);
  await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  assertNoSecret("state after rotation", stateFileText(fresh));

  await fresh.ok(["destroy", "-auto-approve", "-no-color"]);
  assert.equal((await managementState(emu)).models.length, 0);
});
