// litellm_model with team_id and real terraform 1.11: LiteLLM (with its enterprise licence) stores a team model
// under an internal name and adds the public name to the team's models; state keeps the name as written through
// apply, import and a rename (which replaces). Without the licence the create is refused and says why.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { TestEmulator } from "../support/emulator";
import { providerBlock } from "../support/terraform";
import { managementState } from "./keys-support";
import { teamTestFile, teamState, stateOf } from "./team-support";

// LiteLLM adds a team model's public name to the team's models, so the team lists it (else it plans to remove it).
const config = (modelName = "team-gpt") => `resource "litellm_team" "research" {
  team_alias = "research"
  models     = ["${modelName}"]
}

resource "litellm_model" "team" {
  model_name          = "${modelName}"
  custom_llm_provider = "openai"
  base_model          = "gpt-4o-mini"
  team_id             = litellm_team.research.team_id
}
`;

let licensed: TestEmulator;
let unlicensed: TestEmulator;
const withLicence = teamTestFile({ enterprise: true }, (started) => (licensed = started));
const withoutLicence = teamTestFile({}, (started) => (unlicensed = started));

async function teamModels(emu: TestEmulator, teamId: string): Promise<string[]> {
  const team = (await teamState(emu)).teams.find((t) => t.team_id === teamId);
  assert.ok(team, `team ${teamId} is on LiteLLM`);
  return team.models as string[];
}

test("a team model: renamed on LiteLLM, public name in state and in the team's models; clean plans after apply and import; a rename replaces; destroy", async () => {
  const ws = withLicence.create(config());
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const state = await stateOf(ws);
  const teamId = String(state.get("litellm_team.research")!.team_id);
  const model = state.get("litellm_model.team")!;
  assert.equal(model.model_name, "team-gpt");
  assert.equal(model.team_id, teamId);

  const held = (await managementState(licensed)).models.find((m) => m.model_id === model.id)!;
  assert.match(held.model_name, new RegExp(`^model_name_${teamId}_[0-9a-f-]{36}$`));
  assert.equal(held.model_info.team_public_model_name, "team-gpt");
  assert.equal(held.model_info.team_id, teamId);
  assert.deepEqual(await teamModels(licensed, teamId), ["team-gpt"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  const fresh = withLicence.create(config());
  await fresh.ok(["import", "-no-color", "litellm_team.research", teamId]);
  await fresh.ok(["import", "-no-color", "litellm_model.team", String(model.id)]);
  assert.equal((await stateOf(fresh)).get("litellm_model.team")!.model_name, "team-gpt");
  await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  // PATCH cannot move a team model's name: the plan says the deployment is replaced.
  ws.write({ "main.tf": `${providerBlock}\n${config("team-gpt-2")}` });
  const rename = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(rename.stdout, /model_name\s+= "team-gpt" -> "team-gpt-2" # forces replacement/);
  assert.match(rename.stdout, /Plan: 1 to add, 1 to change, 1 to destroy\./);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  assert.deepEqual(await teamModels(licensed, teamId), ["team-gpt-2"]);

  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  assert.equal((await managementState(licensed)).models.length, 0);
});

test("without LiteLLM's enterprise licence the team model is refused with what to do, and nothing is created", async () => {
  const ws = withoutLicence.create(config());
  const r = await ws.ok(["apply", "-auto-approve", "-no-color"], 1);
  assert.match(r.stderr, /Enterprise Licence Needed/);
  assert.match(r.stderr.replace(/\s+/g, " "), /team-scoped models need a LiteLLM enterprise licence/);
  assert.equal((await managementState(unlicensed)).models.length, 0);
  const state = await stateOf(ws);
  assert.equal(state.has("litellm_model.team"), false);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
});

