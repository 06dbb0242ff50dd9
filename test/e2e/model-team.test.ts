// litellm_model with team_id and real terraform 1.11: LiteLLM (with its enterprise licence) stores a team model
// under an internal name and adds the public name to the team's models; state keeps the name as written through
// apply, import and a rename (which replaces). Without the licence the create is refused and says why.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { TestEmulator } from "../support/emulator";
import { adminCall } from "../support/emulator";
import { providerBlock } from "../support/terraform";
import { managementState } from "./keys-support";
import { teamTestFile, teamState, stateOf } from "./team-support";

// LiteLLM adds a team model's public name to the team's models; the team need not list it.
const teamBlock = (models?: string[]) => `resource "litellm_team" "research" {
  team_alias = "research"
${models === undefined ? "" : `  models     = ${JSON.stringify(models)}\n`}}
`;
const modelBlock = (modelName = "team-gpt") => `resource "litellm_model" "team" {
  model_name          = "${modelName}"
  custom_llm_provider = "openai"
  base_model          = "gpt-4o-mini"
  team_id             = litellm_team.research.team_id
}
`;
const config = (modelName = "team-gpt", models: string[] | null = ["gpt-4o"]) => `${teamBlock(models ?? undefined)}\n${modelBlock(modelName)}`;

let licensed: TestEmulator;
let unlicensed: TestEmulator;
const withLicence = teamTestFile({ enterprise: true }, (started) => (licensed = started));
const withoutLicence = teamTestFile({}, (started) => (unlicensed = started));

/** How many /v2/model/info listings the emulator has answered so far. */
async function modelListings(emu: TestEmulator): Promise<number> {
  const log = (await adminCall(emu, "GET", "/_emulator/requests")).body as { requests: { path: string }[] };
  return log.requests.filter((r) => r.path === "/v2/model/info").length;
}

async function teamModels(emu: TestEmulator, teamId: string): Promise<string[]> {
  const team = (await teamState(emu)).teams.find((t) => t.team_id === teamId);
  assert.ok(team, `team ${teamId} is on LiteLLM`);
  return team.models as string[];
}

test("a team model: renamed on LiteLLM, public name in state and in the team's models though the team does not list it; clean plans after apply and import; a rename replaces; destroy", async () => {
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
  assert.deepEqual(await teamModels(licensed, teamId), ["gpt-4o", "team-gpt"]);
  const before = await modelListings(licensed);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  assert.equal((await modelListings(licensed)) - before, 2, "one listing for the team's team models, one to read the model");
  assert.deepEqual((await stateOf(ws)).get("litellm_team.research")!.models, ["gpt-4o"], "state holds the list as written");

  const fresh = withLicence.create(config());
  await fresh.ok(["import", "-no-color", "litellm_team.research", teamId]);
  await fresh.ok(["import", "-no-color", "litellm_model.team", String(model.id)]);
  assert.equal((await stateOf(fresh)).get("litellm_model.team")!.model_name, "team-gpt");
  await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  // PATCH cannot move a team model's name: the plan says the deployment is replaced.
  ws.write({ "main.tf": `${providerBlock}\n${config("team-gpt-2")}` });
  const rename = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(rename.stdout, /model_name\s+= "team-gpt" -> "team-gpt-2" # forces replacement/);
  assert.match(rename.stdout, /Plan: 1 to add, 0 to change, 1 to destroy\./, "the team is not touched");
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  assert.deepEqual(await teamModels(licensed, teamId), ["gpt-4o", "team-gpt-2"]);

  // A change of the team's models sends the team model's name along: the team keeps access to its own model.
  ws.write({ "main.tf": `${providerBlock}\n${config("team-gpt-2", ["claude", "gpt-4o"])}` });
  const widen = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(widen.stdout, /Plan: 0 to add, 1 to change, 0 to destroy\./);
  assert.doesNotMatch(widen.stdout, /team-gpt-2/, "the plan does not show LiteLLM's name");
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  assert.deepEqual(await teamModels(licensed, teamId), ["claude", "gpt-4o", "team-gpt-2"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  assert.equal((await managementState(licensed)).models.length, 0);
});

test("a team with every model keeps every model beside a team model added in a later apply; its models can change and the model go, with clean plans", async () => {
  const ws = withLicence.create(teamBlock());
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const teamId = String((await stateOf(ws)).get("litellm_team.research")!.team_id);
  const before = await modelListings(licensed);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  assert.equal(await modelListings(licensed), before, "a team with every model and no team model needs no listing");
  ws.write({ "main.tf": `${providerBlock}\n${config("team-gpt", null)}` });
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  assert.deepEqual(await teamModels(licensed, teamId), ["all-proxy-models", "team-gpt"], "LiteLLM keeps every model beside the team model");
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  assert.equal((await stateOf(ws)).get("litellm_team.research")!.models, null);

  ws.write({ "main.tf": `${providerBlock}\n${config("team-gpt", ["gpt-4o"])}` });
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  assert.deepEqual(await teamModels(licensed, teamId), ["gpt-4o", "team-gpt"], "limited to gpt-4o and its own model");
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  ws.write({ "main.tf": `${providerBlock}\n${config("team-gpt", null)}` });
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  assert.deepEqual(await teamModels(licensed, teamId), ["all-proxy-models", "team-gpt"], "every model again, and its own");
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  const fresh = withLicence.create(teamBlock());
  await fresh.ok(["import", "-no-color", "litellm_team.research", teamId]);
  await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  // /model/delete takes the name out of the team's models; the team plans clean.
  ws.write({ "main.tf": `${providerBlock}\n${teamBlock()}` });
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  assert.deepEqual(await teamModels(licensed, teamId), ["all-proxy-models"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  assert.equal((await teamState(licensed)).teams.some((t) => t.team_id === teamId), false);
});

test("a team that lists its team model's name keeps it as written; after an import one update adds it to state; deleting the model then plans it back", async () => {
  const ws = withLicence.create(config("team-gpt", ["team-gpt", "gpt-4o"]));
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const teamId = String((await stateOf(ws)).get("litellm_team.research")!.team_id);
  assert.deepEqual(await teamModels(licensed, teamId), ["gpt-4o", "team-gpt"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  assert.deepEqual((await stateOf(ws)).get("litellm_team.research")!.models, ["team-gpt", "gpt-4o"], "the order written");

  // Import cannot know the configuration lists LiteLLM's name: one update puts it in state, LiteLLM's list unchanged.
  const fresh = withLicence.create(config("team-gpt", ["team-gpt", "gpt-4o"]));
  await fresh.ok(["import", "-no-color", "litellm_team.research", teamId]);
  const imported = await fresh.ok(["plan", "-detailed-exitcode", "-no-color", "-target=litellm_team.research"], 2);
  assert.match(imported.stdout, /\+ "team-gpt"/);

  // /model/delete takes the name out of the team's models; the configuration still lists it, so the plan puts it back.
  ws.write({ "main.tf": `${providerBlock}\n${teamBlock(["team-gpt", "gpt-4o"])}` });
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  assert.deepEqual(await teamModels(licensed, teamId), ["gpt-4o"]);
  const back = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(back.stdout, /\+ "team-gpt"/);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  assert.deepEqual(await teamModels(licensed, teamId), ["team-gpt", "gpt-4o"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
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

