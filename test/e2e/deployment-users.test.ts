// Issue 12, litellm_user against a configured proxy (`litellm-tf emulator --config`, see configured-proxy-support):
// the key in a custom header, server-side defaults, LiteLLM's own metadata keys and their arguments, $0 caps,
// and budget_duration as the newest LiteLLM validates it. Real terraform throughout.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { providerBlock } from "../support/terraform";
import { apply, changeOf, planIsClean, savedPlan, stateOf } from "./user-support";
import { startConfiguredProxy, type ConfiguredProxy } from "./configured-proxy-support";

let proxy: ConfiguredProxy;
before(async () => {
  proxy = await startConfiguredProxy();
});
after(async () => {
  await proxy.close();
});

const tf = (body: string) => `${providerBlock}\n${body}\n`;
const plainUser = `resource "litellm_user" "u" {\n  user_email = "u@example.com"\n}`;

async function serverUser(userId: string): Promise<Record<string, any>> {
  const res = await proxy.call("GET", `/user/info?user_id=${encodeURIComponent(userId)}`);
  assert.equal(res.status, 200);
  return res.body.user_info;
}

test("the master key goes in the proxy's header: api_key_header or LITELLM_API_KEY_HEADER; Authorization alone gets 401", async () => {
  const lookup = `data "litellm_user" "admin" {\n  user_id = "nobody-here"\n}`;
  const bare = proxy.workspace(tf(lookup), { headerFromEnv: false });
  const refused = await bare.ok(["plan", "-no-color"], 1);
  assert.match(refused.stderr, /401/);
  assert.ok(!(refused.stdout + refused.stderr).includes(proxy.masterKey), "the key is never printed");

  const byEnv = proxy.workspace(tf(lookup));
  const found = await byEnv.ok(["plan", "-no-color"], 1);
  assert.match(found.stderr, /User Not Found/, "authenticated: LiteLLM answered about the user");

  const byArgument = proxy.workspace(tf(lookup).replace('provider "litellm" {}', 'provider "litellm" {\n  api_key_header = "X-Litellm-Key"\n}'), { headerFromEnv: false });
  assert.match((await byArgument.ok(["plan", "-no-color"], 1)).stderr, /User Not Found/);
  const badName = proxy.workspace(tf(lookup).replace('provider "litellm" {}', 'provider "litellm" {\n  api_key_header = "X Key"\n}'), { headerFromEnv: false });
  assert.match((await badName.ok(["validate", "-no-color"], 1)).stderr, /api_key_header/);
});

test("the plainest user takes the proxy's defaults: create, clean plan, import, data source, destroy", async () => {
  const ws = proxy.workspace(tf(plainUser));
  await apply(ws);
  const state = await stateOf(ws, "litellm_user.u");
  assert.deepEqual(
    [state.models, state.max_budget, state.budget_duration, state.tpm_limit, state.metadata, state.tags],
    [["gpt-4o-mini"], 25, "30d", 1000, null, null],
    "default_internal_user_params, max_internal_user_budget and internal_user_budget_duration filled in",
  );
  await planIsClean(ws);

  const imported = proxy.workspace(tf(plainUser));
  await imported.ok(["import", "-no-color", "litellm_user.u", "u@example.com"]);
  await planIsClean(imported);
  assert.equal((await stateOf(imported, "litellm_user.u")).max_budget, 25);

  const lookup = proxy.workspace(tf(`data "litellm_user" "u" {\n  user_email = "u@example.com"\n}`));
  await lookup.ok(["apply", "-auto-approve", "-no-color"]);
  const shown = await stateOf(lookup, "data.litellm_user.u");
  assert.deepEqual([shown.models, shown.max_budget, shown.budget_duration], [["gpt-4o-mini"], 25, "30d"]);

  await imported.ok(["state", "rm", "litellm_user.u"]);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  assert.equal((await proxy.call("GET", `/user/info?user_id=${encodeURIComponent(String(state.user_id))}`)).status, 404);
});

test("what the configuration sets is sent and kept; a value LiteLLM changes is still reported", async () => {
  const ws = proxy.workspace(tf(`resource "litellm_user" "set" {\n  user_email = "set@example.com"\n  max_budget = 10\n  models     = ["o3"]\n}`));
  await apply(ws);
  const state = await stateOf(ws, "litellm_user.set");
  assert.deepEqual([state.max_budget, state.models, state.budget_duration], [10, ["o3"], "30d"]);
  await planIsClean(ws);

  // An empty models list is replaced by default_internal_user_params: LiteLLM did not keep what was written.
  const empty = proxy.workspace(tf(`resource "litellm_user" "empty" {\n  user_email = "empty@example.com"\n  models     = []\n}`));
  const out = await apply(empty, ["-auto-approve"], 1);
  assert.match(out, /LiteLLM Did Not Apply A Change/);
  assert.match(out, /models/);
  assert.deepEqual((await stateOf(empty, "litellm_user.empty")).models, ["gpt-4o-mini"], "nothing is lost: state has the user as LiteLLM made it");
  await empty.ok(["destroy", "-auto-approve", "-no-color"]);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
});

test("LiteLLM's own metadata keys: no diff, kept by every update; guardrails, tags and per-model limits as arguments", async () => {
  const config = (extra: string) => tf(`resource "litellm_user" "m" {\n  user_email = "m@example.com"\n  metadata   = jsonencode({ team = "a" })\n${extra}}`);
  const ws = proxy.workspace(config(""));
  await apply(ws);
  const userId = String((await stateOf(ws, "litellm_user.m")).user_id);

  // An admin sets a guardrail and a policy in LiteLLM's UI (written into metadata, as the UI does).
  const current = await serverUser(userId);
  await proxy.call("POST", "/user/update", { user_id: userId, metadata: { ...current.metadata, guardrails: ["pii-mask"], policies: ["eu"] } });
  await planIsClean(ws);
  await ws.ok(["apply", "-refresh-only", "-auto-approve", "-no-color"]);
  const refreshed = await stateOf(ws, "litellm_user.m");
  assert.deepEqual([refreshed.guardrails, refreshed.metadata], [["pii-mask"], '{"team":"a"}'], "the argument shows what LiteLLM holds; metadata only the user's keys");

  // Changing the user's own metadata keeps LiteLLM's keys.
  ws.write({ "main.tf": config("").replace('team = "a"', 'team = "b"') });
  await apply(ws);
  assert.deepEqual((await serverUser(userId)).metadata, { team: "b", guardrails: ["pii-mask"], policies: ["eu"] });
  await planIsClean(ws);

  // The arguments write their keys; the others stay.
  ws.write({ "main.tf": config('  tags            = ["prod", "eu"]\n  model_rpm_limit = { "gpt-4o-mini" = 10 }\n').replace('team = "a"', 'team = "b"') });
  await apply(ws);
  assert.deepEqual((await serverUser(userId)).metadata, { team: "b", guardrails: ["pii-mask"], policies: ["eu"], tags: ["prod", "eu"], model_rpm_limit: { "gpt-4o-mini": 10 } });
  await planIsClean(ws);

  // Writing an owned key into metadata is refused before any call, naming the argument to use.
  const wrong = proxy.workspace(tf(`resource "litellm_user" "w" {\n  user_email = "w@example.com"\n  metadata   = jsonencode({ tags = ["x"] })\n}`));
  const refused = await wrong.ok(["validate", "-no-color"], 1);
  assert.match(refused.stderr, /Metadata Key Belongs To LiteLLM/);
  assert.match(refused.stderr, /tags argument/);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
});

test("max_budget = 0 is unlimited; a 0.0 budget on LiteLLM is a $0 cap the plan removes", async () => {
  const ws = proxy.workspace(tf(`resource "litellm_user" "z" {\n  user_email = "z@example.com"\n  max_budget = 0\n}`));
  await apply(ws);
  const userId = String((await stateOf(ws, "litellm_user.z")).user_id);
  assert.equal((await serverUser(userId)).max_budget, null, "the budget max_internal_user_budget filled in is removed: 0 is unlimited");
  await planIsClean(ws);

  assert.equal((await proxy.call("POST", "/user/update", { user_id: userId, max_budget: 0 })).status, 200);
  const plan = await savedPlan(ws, 2);
  const change = changeOf(plan, "litellm_user.z");
  assert.deepEqual([change.before?.max_budget, change.after?.max_budget], [null, 0]);
  assert.ok(plan.diagnostics.some((d) => d.summary === "LiteLLM Holds A $0 Budget"));
  await apply(ws, ["plan.bin"]);
  assert.equal((await serverUser(userId)).max_budget, null, "the cap is gone");
  await planIsClean(ws);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
});

test("budget_duration: a zero length is refused at validate with its path; the proxy refuses it with 400 too", async () => {
  const ws = proxy.workspace(tf(`resource "litellm_user" "d" {\n  user_email      = "d@example.com"\n  budget_duration = "0d"\n}`));
  const r = await ws.ok(["validate", "-no-color"], 1);
  assert.match(r.stderr, /budget_duration/);
  assert.match(r.stderr, /above 0/);
  const direct = await proxy.call("POST", "/user/new", { user_email: "d@example.com", budget_duration: "0d" });
  assert.equal(direct.status, 400);
  assert.match(direct.body.error.message, /Invalid budget_duration '0d'/);
});
