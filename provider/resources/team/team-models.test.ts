// litellm_team.models beside the team's own team models: the names LiteLLM adds stay out of state unless listed,
// an update sends them along, "every model" keeps its meaning, and order makes no difference.
import { test } from "node:test";
import assert from "node:assert/strict";
import { newObject, type TfObject, type TfValue } from "../../values/value";
import { changedArguments, stateFromRemote, updateBody } from "../../framework/declarative/mapping";
import { teamAttributes } from "./resource";
import { sameNames, teamModelList, userModels, withTeamModels, type ModelAccess } from "./team-models";

const access = (models: string[], teamModels: string[]): ModelAccess => ({ models, teamModels });

test("state leaves out the team-model names LiteLLM added, and keeps those the configuration lists", () => {
  assert.deepEqual(userModels(access(["gpt-4o", "team-gpt"], ["team-gpt"]), ["gpt-4o"]), ["gpt-4o"]);
  assert.deepEqual(userModels(access(["gpt-4o", "team-gpt"], ["team-gpt"]), ["team-gpt", "gpt-4o"]), ["gpt-4o", "team-gpt"], "listed: kept");
  assert.deepEqual(userModels(access(["gpt-4o", "team-gpt"], ["team-gpt"]), null), ["gpt-4o"], "import: LiteLLM's names left out");
  assert.deepEqual(userModels(access(["gpt-4o", "team-gpt"], []), ["gpt-4o"]), ["gpt-4o", "team-gpt"], "not a team model of this team: the user's drift");
});

test("every model keeps its meaning: all-proxy-models beside team models is no list; only team models is a limited team", () => {
  assert.equal(userModels(access(["all-proxy-models", "team-gpt"], ["team-gpt"]), null), null);
  assert.equal(userModels(access(["all-proxy-models"], []), null), null, "left when the team model is deleted");
  assert.deepEqual(userModels(access(["all-proxy-models"], []), ["all-proxy-models"]), ["all-proxy-models"], "written by the user: kept");
  assert.deepEqual(userModels(access(["team-gpt"], ["team-gpt"]), null), ["team-gpt"], "an older LiteLLM made it a one-model team: the plan shows it");
  assert.equal(userModels(access([], []), null), null);
});

test("an update sends the team-model names the team has along; every model becomes all-proxy-models beside them", () => {
  const now = access(["gpt-4o", "team-gpt", "other-team-gone"], ["team-gpt", "not-granted"]);
  assert.deepEqual(withTeamModels(["claude"], now), ["claude", "team-gpt"]);
  assert.deepEqual(withTeamModels(["team-gpt"], now), ["team-gpt"], "no duplicate");
  assert.deepEqual(withTeamModels([], now), ["all-proxy-models", "team-gpt"]);
  assert.deepEqual(withTeamModels([], access(["gpt-4o"], [])), [], "no team models: every model is []");
  assert.deepEqual(withTeamModels(["claude"], undefined), ["claude"], "create: nothing to keep");
  const codec = teamModelList();
  assert.deepEqual(codec.clear!(now), ["all-proxy-models", "team-gpt"]);
  assert.equal(codec.needsCurrent, true);
});

const team = (o: Record<string, TfValue>): TfObject => newObject(Object.entries({ ...Object.fromEntries(Object.keys(teamAttributes).map((a) => [a, null])), ...o }));

test("through the declaration: the update body keeps the team model, read-back shows the user's list", () => {
  const prior = team({ models: ["gpt-4o"], blocked: false }), planned = team({ models: ["claude"], blocked: false });
  const current = { modelAccess: access(["team-gpt", "gpt-4o"], ["team-gpt"]) };
  assert.deepEqual(updateBody(teamAttributes, changedArguments(teamAttributes, prior, planned), planned, current), { models: ["claude", "team-gpt"] });
  const state = newObject();
  stateFromRemote({ attributes: teamAttributes }, state, { modelAccess: access(["team-gpt", "claude"], ["team-gpt"]) }, planned);
  assert.deepEqual(state.models, ["claude"]);
});

test("order makes no difference to what state keeps", () => {
  assert.ok(sameNames(["b", "a"], ["a", "b"]));
  assert.ok(sameNames([], null));
  assert.ok(!sameNames(["a"], ["a", "b"]));
  const state = newObject();
  stateFromRemote({ attributes: teamAttributes }, state, { modelAccess: access(["a", "b", "team-gpt"], ["team-gpt"]) }, team({ models: ["b", "a"] }));
  assert.deepEqual(state.models, ["b", "a"], "LiteLLM's set order: the user's order stays");
});
