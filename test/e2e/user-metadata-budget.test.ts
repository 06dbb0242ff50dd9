// Issue 3, metadata and max_budget: metadata is a JSON object string whose key order and whitespace never
// make a diff; max_budget is a number, 0 means unlimited, and the operator's string dollars ("10") work.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { apply, changeOf, planIsClean, savedPlan, startUserTestEnv, stateResources, storedUserByEmail, tf, type UserTestEnv } from "./user-support";

// Hand-written JSON: odd spacing, keys in no particular order, nested values.
const handWritten = `{  "team" : "backend",
   "nested": {"b": [1, 2], "a": true},
   "department":"engineering" }`;

const firstConfig = tf(`
resource "litellm_user" "meta" {
  user_email = "meta@example.com"
  metadata   = <<-EOT
${handWritten}
  EOT
  max_budget = 12.5
}

resource "litellm_user" "unlimited" {
  user_email = "unlimited@example.com"
  user_role  = "admin"
  max_budget = 0 # Unlimited for admin
}

resource "litellm_user" "dollars" {
  user_email = "dollars@example.com"
  max_budget = "10"
}

resource "litellm_user" "no_budget" {
  user_email = "no-budget@example.com"
}
`);

// The same meaning: jsonencode's sorted compact form, a number instead of the string, no budget instead of 0.
const sameMeaning = tf(`
resource "litellm_user" "meta" {
  user_email = "meta@example.com"
  metadata   = jsonencode({ department = "engineering", nested = { a = true, b = [1, 2] }, team = "backend" })
  max_budget = 12.50
}

resource "litellm_user" "unlimited" {
  user_email = "unlimited@example.com"
  user_role  = "admin"
}

resource "litellm_user" "dollars" {
  user_email = "dollars@example.com"
  max_budget = 10
}

resource "litellm_user" "no_budget" {
  user_email = "no-budget@example.com"
  max_budget = 0
}
`);

// Real changes: metadata loses a key and changes another; budgets set and removed.
const changed = tf(`
resource "litellm_user" "meta" {
  user_email = "meta@example.com"
  metadata   = jsonencode({ team = "platform", nested = { a = true, b = [1, 2] } })
  max_budget = 12.5
}

resource "litellm_user" "unlimited" {
  user_email = "unlimited@example.com"
  user_role  = "admin"
  max_budget = 25
}

resource "litellm_user" "dollars" {
  user_email = "dollars@example.com"
  max_budget = 0
}

resource "litellm_user" "no_budget" {
  user_email = "no-budget@example.com"
}
`);

let env: UserTestEnv;
before(async () => {
  env = await startUserTestEnv();
});
after(async () => {
  await env.close();
});

const sentFor = (email: string) => {
  const body = env.rec.bodies("POST", "/user/new").find((b) => b.user_email === email);
  assert.ok(body, `/user/new for ${email}`);
  return body;
};

test("metadata and max_budget: what LiteLLM receives, what state keeps, and no diff for the same meaning", async () => {
  const ws = env.workspace(firstConfig);
  await apply(ws);

  // metadata: LiteLLM receives the parsed object; state keeps the text as written.
  assert.deepEqual(sentFor("meta@example.com").metadata, { team: "backend", nested: { b: [1, 2], a: true }, department: "engineering" });
  assert.deepEqual(storedUserByEmail(env.emu, "meta@example.com").metadata, { team: "backend", nested: { b: [1, 2], a: true }, department: "engineering" });
  const state = await stateResources(ws);
  assert.equal(state.get("litellm_user.meta")!.values.metadata, `${handWritten}\n`);

  // max_budget: a number; 0 and unset send nothing (LiteLLM's null is unlimited) and show as 0.
  assert.equal(sentFor("meta@example.com").max_budget, 12.5);
  assert.equal(sentFor("dollars@example.com").max_budget, 10, "the string \"10\" reaches LiteLLM as the number 10");
  assert.ok(!("max_budget" in sentFor("unlimited@example.com")), "0 sends no budget");
  assert.ok(!("max_budget" in sentFor("no-budget@example.com")));
  assert.equal(storedUserByEmail(env.emu, "meta@example.com").max_budget, 12.5);
  assert.equal(storedUserByEmail(env.emu, "dollars@example.com").max_budget, 10);
  assert.equal(storedUserByEmail(env.emu, "unlimited@example.com").max_budget, null);
  assert.equal(storedUserByEmail(env.emu, "no-budget@example.com").max_budget, null);
  assert.equal(state.get("litellm_user.meta")!.values.max_budget, 12.5);
  assert.equal(state.get("litellm_user.dollars")!.values.max_budget, 10);
  assert.equal(state.get("litellm_user.unlimited")!.values.max_budget, 0);
  assert.equal(state.get("litellm_user.no_budget")!.values.max_budget, 0);
  assert.equal(state.get("litellm_user.no_budget")!.values.metadata, null);
  await planIsClean(ws);

  // Other key order and whitespace, 10 for "10", unset for 0 and 0 for unset: nothing to do.
  ws.write({ "main.tf": sameMeaning });
  await planIsClean(ws);

  // Real changes update in place; metadata replaces the whole object; removing a budget sends null.
  ws.write({ "main.tf": changed });
  const changing = await savedPlan(ws);
  for (const address of ["litellm_user.meta", "litellm_user.unlimited", "litellm_user.dollars"]) {
    assert.deepEqual(changeOf(changing, address).actions, ["update"], address);
  }
  assert.deepEqual(changeOf(changing, "litellm_user.no_budget").actions, ["no-op"]);
  env.rec.clear();
  await apply(ws, ["plan.bin"]);
  const updates = env.rec.bodies("POST", "/user/update");
  const byId = (email: string) => updates.find((b) => b.user_id === storedUserByEmail(env.emu, email).user_id);
  assert.deepEqual(byId("meta@example.com"), {
    user_id: storedUserByEmail(env.emu, "meta@example.com").user_id,
    metadata: { team: "platform", nested: { a: true, b: [1, 2] } },
  });
  assert.equal(byId("unlimited@example.com")?.max_budget, 25);
  assert.ok(byId("dollars@example.com") && "max_budget" in byId("dollars@example.com")!, "removing a budget sends max_budget");
  assert.equal(byId("dollars@example.com")?.max_budget, null, "…as null, which LiteLLM honours as unlimited");
  assert.deepEqual(storedUserByEmail(env.emu, "meta@example.com").metadata, { team: "platform", nested: { a: true, b: [1, 2] } }, "the old keys are gone");
  assert.equal(storedUserByEmail(env.emu, "unlimited@example.com").max_budget, 25);
  assert.equal(storedUserByEmail(env.emu, "dollars@example.com").max_budget, null);
  const after = await stateResources(ws);
  assert.equal(after.get("litellm_user.meta")!.values.metadata, '{"nested":{"a":true,"b":[1,2]},"team":"platform"}', "jsonencode's text");
  assert.equal(after.get("litellm_user.dollars")!.values.max_budget, 0);
  assert.equal(after.get("litellm_user.unlimited")!.values.max_budget, 25);
  await planIsClean(ws);
});
