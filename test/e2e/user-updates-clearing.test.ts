// Issue 3, updates: each of the nine row attributes changes in place, removing an argument either really
// clears it on LiteLLM or the plan says LiteLLM cannot, user_id can be set and changing it replaces the user,
// and the computed attributes come from LiteLLM (updated_at unknown in a plan that changes the user).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import {
  apply,
  changeOf,
  planIsClean,
  savedPlan,
  startUserTestEnv,
  stateOf,
  stateResources,
  storedUser,
  storedUserByEmail,
  tf,
  type UserTestEnv,
} from "./user-support";

type Attrs = Record<string, string>;

// HCL expressions for every row attribute, before and after, and what LiteLLM must receive after.
const before_: Attrs = {
  user_email: `"NAME@example.com"`,
  user_alias: `"before"`,
  user_role: `"user"`,
  max_budget: "10",
  budget_duration: `"daily"`,
  tpm_limit: "1000",
  rpm_limit: "10",
  models: `["gpt-4o"]`,
  metadata: `jsonencode({ team = "a" })`,
};
const after_: Attrs = {
  user_email: `"NAME-renamed@example.com"`,
  user_alias: `"after"`,
  user_role: `"admin"`,
  max_budget: "20",
  budget_duration: `"weekly"`,
  tpm_limit: "2000",
  rpm_limit: "20",
  models: `["gpt-4o", "claude-3-5-sonnet"]`,
  metadata: `jsonencode({ team = "b", tier = 2 })`,
};
const sentAfter = (name: string): Record<string, unknown> => ({
  user_email: `${name}-renamed@example.com`,
  user_alias: "after",
  user_role: "proxy_admin",
  max_budget: 20,
  budget_duration: "7d",
  tpm_limit: 2000,
  rpm_limit: 20,
  models: ["gpt-4o", "claude-3-5-sonnet"],
  metadata: { team: "b", tier: 2 },
});
const attributes = Object.keys(before_);

/** A litellm_user block; NAME in the email becomes the address's name with dashes. */
function block(name: string, attrs: Attrs): string {
  const lines = Object.entries(attrs).map(([k, v]) => `  ${k.padEnd(15)} = ${v.replace("NAME", name.replace(/_/g, "-"))}`);
  return `resource "litellm_user" "${name}" {\n${lines.join("\n")}\n}`;
}

let env: UserTestEnv;
before(async () => {
  env = await startUserTestEnv();
});
after(async () => {
  await env.close();
});

test("each of the nine attributes updates in place, sending only itself, and updated_at is unknown in the plan", async () => {
  // One user per attribute; each later changes only its own attribute.
  const ws = env.workspace(tf(attributes.map((a) => block(a, before_)).join("\n")));

  // On create, the provider makes the user_id during apply, never during plan.
  const creating = await savedPlan(ws);
  for (const a of attributes) {
    const c = changeOf(creating, `litellm_user.${a}`);
    assert.equal(c.after_unknown.user_id, true, `${a}: user_id unknown until apply`);
    assert.equal(c.after_unknown.updated_at, true);
  }
  await apply(ws, ["plan.bin"]);
  const newBodies = env.rec.bodies("POST", "/user/new");
  assert.equal(newBodies.length, attributes.length);
  for (const body of newBodies) {
    assert.match(String(body.user_id), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, "a UUID made by the provider is sent");
  }
  // Everything LiteLLM receives on create, in its own form.
  const { user_id: _id, ...sent } = newBodies.find((b) => b.user_email === "user-email@example.com")!;
  assert.deepEqual(sent, {
    user_email: "user-email@example.com",
    user_alias: "before",
    user_role: "internal_user",
    max_budget: 10,
    budget_duration: "1d",
    tpm_limit: 1000,
    rpm_limit: 10,
    models: ["gpt-4o"],
    metadata: { team: "a" },
    auto_create_key: false,
  });
  const created = await stateResources(ws);
  await planIsClean(ws);

  ws.write({ "main.tf": tf(attributes.map((a) => block(a, { ...before_, [a]: after_[a] })).join("\n")) });
  const plan = await savedPlan(ws);
  for (const a of attributes) {
    const change = changeOf(plan, `litellm_user.${a}`);
    assert.deepEqual(change.actions, ["update"], `${a} updates in place`);
    assert.equal(change.replace_paths, undefined, `${a}: nothing forces a replacement`);
    const known = Object.keys(change.after!).filter((k) => JSON.stringify(change.after![k]) !== JSON.stringify(change.before![k]));
    const unknown = Object.keys(change.after_unknown).filter((k) => change.after_unknown[k] === true);
    assert.deepEqual(known, [a], `${a}: only ${a} changes`);
    assert.deepEqual(unknown.sort(), ["spend", "updated_at"], `${a}: updated_at (and spend) unknown until apply`);
    assert.equal(change.after![`created_at`], change.before!.created_at);
    assert.equal(change.after!.user_id, change.before!.user_id);
  }

  env.rec.clear();
  await apply(ws, ["plan.bin"]);
  assert.equal(env.rec.count("POST", "/user/new"), 0, "no user is re-created");
  assert.equal(env.rec.count("POST", "/user/delete"), 0, "no user is deleted");
  const updates = env.rec.bodies("POST", "/user/update");
  assert.equal(updates.length, attributes.length);
  const updated = await stateResources(ws);
  for (const a of attributes) {
    const userId = String(created.get(`litellm_user.${a}`)!.values.user_id);
    const body = updates.find((b) => b.user_id === userId);
    const name = a.replace(/_/g, "-");
    assert.deepEqual(body, { user_id: userId, [a]: sentAfter(name)[a] }, `${a}: /user/update carries only ${a}, in LiteLLM's form`);
    const row = storedUser(env.emu, userId) as unknown as Record<string, unknown>;
    assert.deepEqual(row[a], sentAfter(name)[a], `${a}: LiteLLM has the new value`);
    const values = updated.get(`litellm_user.${a}`)!.values;
    assert.equal(values.user_id, userId, `${a}: same user`);
    assert.notEqual(values.updated_at, created.get(`litellm_user.${a}`)!.values.updated_at, `${a}: updated_at moved`);
    assert.equal(Date.parse(String(values.updated_at)), row.updated_at, `${a}: updated_at is LiteLLM's`);
  }
  assert.equal(updated.get("litellm_user.user_role")!.values.user_role, "admin", "state keeps the spelling written");
  assert.equal(updated.get("litellm_user.budget_duration")!.values.budget_duration, "weekly");
  await planIsClean(ws);
  await apply(ws, ["-destroy", "-auto-approve"]);
});

test("removing each argument: alias cleared, budget 0 cleared, the rest kept as LiteLLM has it; empties refused", async () => {
  const ws = env.workspace(tf(block("full", { ...before_, user_role: `"admin"` })));
  await apply(ws);
  const userId = String((await stateOf(ws, "litellm_user.full")).user_id);

  ws.write({ "main.tf": tf(`resource "litellm_user" "full" {\n  user_email = "full@example.com"\n  max_budget = 0\n}`) });
  const plan = await savedPlan(ws);
  const change = changeOf(plan, "litellm_user.full");
  assert.deepEqual(change.actions, ["update"]);
  assert.equal(change.after!.user_alias, null);
  assert.equal(change.after!.max_budget, 0, "no budget is unlimited, shown as 0");
  assert.equal(change.after!.user_role, "user", "the role goes back to the default");
  for (const a of ["budget_duration", "tpm_limit", "rpm_limit", "models", "metadata"]) {
    assert.deepEqual(change.after![a], change.before![a], `${a} stays as LiteLLM has it`);
  }
  assert.deepEqual(plan.diagnostics.filter((d) => d.severity === "warning" && !/development overrides/i.test(d.summary)), [], "a left-out argument keeps LiteLLM's value: nothing to warn about");

  env.rec.clear();
  await apply(ws, ["plan.bin"]);
  assert.deepEqual(env.rec.bodies("POST", "/user/update"), [{ user_id: userId, user_alias: "", user_role: "internal_user", max_budget: null }]);
  const row = storedUser(env.emu, userId);
  assert.ok(!row.user_alias, "LiteLLM has no alias any more");
  assert.equal(row.max_budget, null, "LiteLLM has no budget any more");
  assert.equal(row.user_role, "internal_user");
  assert.equal(row.budget_duration, "1d");
  assert.equal(row.tpm_limit, 1000);
  const state = await stateOf(ws, "litellm_user.full");
  assert.equal(state.user_alias, null);
  assert.equal(state.max_budget, 0);
  assert.equal(state.budget_duration, "daily", "state still matches the server");
  assert.equal(state.tpm_limit, 1000);
  assert.equal(state.rpm_limit, 10);
  assert.deepEqual(state.models, ["gpt-4o"]);
  assert.equal(state.metadata, '{"team":"a"}');
  await planIsClean(ws);

  // Emptying what LiteLLM cannot empty is an error at plan, naming the attribute; nothing is sent.
  for (const [a, empty] of [["models", "[]"], ["metadata", `"{}"`]]) {
    ws.write({ "main.tf": tf(`resource "litellm_user" "full" {\n  user_email = "full@example.com"\n  ${a} = ${empty}\n}`) });
    env.rec.clear();
    const r = await ws.ok(["plan", "-no-color"], 1);
    assert.match(r.stderr, new RegExp(`Error: LiteLLM Cannot Empty This Attribute[\\s\\S]*${a} = ${empty.replace(/[[\]{}]/g, "\\$&")}`), `${a}: error points at the attribute`);
    assert.equal(env.rec.requests.filter((q) => q.method === "POST").length, 0);
  }
});

test("user_id can be set, and changing it replaces the user", async () => {
  const config = (id: string) => tf(`resource "litellm_user" "fixed" {\n  user_id    = "${id}"\n  user_email = "fixed@example.com"\n}`);
  const ws = env.workspace(config("tf-fixed-1"));
  await apply(ws);
  assert.equal(env.rec.bodies("POST", "/user/new").at(-1)?.user_id, "tf-fixed-1");
  assert.equal(storedUserByEmail(env.emu, "fixed@example.com").user_id, "tf-fixed-1");
  const state = await stateOf(ws, "litellm_user.fixed");
  assert.equal(state.user_id, "tf-fixed-1");
  assert.equal(state.id, "tf-fixed-1");
  await planIsClean(ws);

  ws.write({ "main.tf": config("tf-fixed-2") });
  const plan = await savedPlan(ws);
  const change = changeOf(plan, "litellm_user.fixed");
  assert.deepEqual(change.actions, ["delete", "create"]);
  assert.deepEqual(change.replace_paths, [["user_id"]]);
  env.rec.clear();
  await apply(ws, ["plan.bin"]);
  assert.deepEqual(env.rec.bodies("POST", "/user/delete"), [{ user_ids: ["tf-fixed-1"] }]);
  assert.equal(env.rec.bodies("POST", "/user/new")[0]?.user_id, "tf-fixed-2");
  assert.equal(env.emu.store.getUser("tf-fixed-1"), undefined);
  assert.equal(storedUserByEmail(env.emu, "fixed@example.com").user_id, "tf-fixed-2");
  await planIsClean(ws);
  await apply(ws, ["-destroy", "-auto-approve"]);
});

test("spend, created_at and updated_at come from LiteLLM and follow it on refresh", async () => {
  const ws = env.workspace(tf(`resource "litellm_user" "spender" {\n  user_email = "spender@example.com"\n}`));
  await apply(ws);
  const state = await stateOf(ws, "litellm_user.spender");
  const row = storedUser(env.emu, String(state.user_id));
  assert.equal(Date.parse(String(state.created_at)), row.created_at);
  assert.equal(Date.parse(String(state.updated_at)), row.updated_at);
  assert.equal(state.spend, 0);

  // Traffic moves spend; a refresh picks it up without planning any change.
  row.spend = 3.25;
  await planIsClean(ws);
  await ws.ok(["apply", "-refresh-only", "-auto-approve"]);
  assert.equal((await stateOf(ws, "litellm_user.spender")).spend, 3.25);
  await apply(ws, ["-destroy", "-auto-approve"]);
});
