// Issue 3, import: by user ID (every attribute filled), by email (exact, case-insensitive), and through
// `import {}` blocks with `terraform plan -generate-config-out`, whose HCL then plans with no changes.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { adminCall } from "../support/emulator";
import { apply, changeOf, planIsClean, savedPlan, startUserTestEnv, stateOf, storedUser, tf, type UserTestEnv } from "./user-support";

let env: UserTestEnv;
let importedKeyToken: string;

before(async () => {
  env = await startUserTestEnv();
  // Users made outside Terraform, one with everything set and its own key, one bare.
  const full = await adminCall(env.emu, "POST", "/user/new", {
    user_id: "imported-full",
    user_email: "Imported@Example.com",
    user_alias: "imp",
    user_role: "proxy_admin_viewer",
    max_budget: 7.5,
    budget_duration: "7d",
    tpm_limit: 100,
    rpm_limit: 5,
    models: ["gpt-4o", "gpt-4o-mini"],
    metadata: { team: "data", nested: { b: 2, a: 1 } },
    auto_create_key: true,
    key_alias: "imported-key",
    duration: "30d",
  });
  assert.equal(full.status, 200);
  const bare = await adminCall(env.emu, "POST", "/user/new", { user_id: "imported-bare", user_email: "bare@example.com", auto_create_key: false });
  assert.equal(bare.status, 200);
  const keys = env.emu.store.keysOfUser("imported-full");
  assert.equal(keys.length, 1);
  importedKeyToken = keys[0].token;
});
after(async () => {
  await env.close();
});

const fullConfig = (userRole: string, duration: string) => `resource "litellm_user" "full" {
  user_email      = "imported@example.com"
  user_alias      = "imp"
  user_role       = "${userRole}"
  max_budget      = 7.5
  budget_duration = "${duration}"
  tpm_limit       = 100
  rpm_limit       = 5
  models          = ["gpt-4o", "gpt-4o-mini"]
  metadata        = jsonencode({ nested = { a = 1, b = 2 }, team = "data" })
}`;

test("import by user ID fills every attribute and leaves the user's key alone (issue 19)", async () => {
  const ws = env.workspace(tf(fullConfig("proxy_admin_viewer", "weekly")));
  env.rec.clear();
  await ws.ok(["import", "-no-color", "litellm_user.full", "imported-full"]);
  assert.equal(env.rec.requests.filter((r) => r.method === "POST").length, 0, "import only reads");
  const state = await stateOf(ws, "litellm_user.full");
  const row = storedUser(env.emu, "imported-full");
  assert.deepEqual(
    { ...state, created_at: Date.parse(String(state.created_at)), updated_at: Date.parse(String(state.updated_at)) },
    {
      id: "imported-full",
      user_id: "imported-full",
      user_email: "Imported@Example.com",
      user_alias: "imp",
      user_role: "proxy_admin_viewer",
      max_budget: 7.5,
      budget_duration: "7d",
      tpm_limit: 100,
      rpm_limit: 5,
      models: ["gpt-4o", "gpt-4o-mini"],
      max_parallel_requests: null,
      metadata: '{"nested":{"a":1,"b":2},"team":"data"}',
      model_max_budget: null,
      guardrails: null,
      tags: null,
      model_rpm_limit: null,
      model_tpm_limit: null,
      teams: null,
      auto_create_key: false,
      key_alias: null,
      key_duration: null,
      key: null,
      aliases: null,
      config: null,
      permissions: null,
      blocked: false,
      send_invite_email: null,
      spend: 0,
      created_at: row.created_at,
      updated_at: row.updated_at,
    },
  );
  // The configuration in other spellings (weekly for 7d, lower-case email) matches: nothing to do.
  await planIsClean(ws);
  await apply(ws);
  assert.equal(env.emu.store.keysOfUser("imported-full")[0]?.token, importedKeyToken, "the user's key is kept");
});

test("import by email: exact match, case-insensitive; none or several is an error naming them", async () => {
  const ws = env.workspace(tf(`resource "litellm_user" "bare" {\n  user_email = "bare@example.com"\n}`));
  await ws.ok(["import", "-no-color", "litellm_user.bare", "  BARE@Example.com "]);
  const state = await stateOf(ws, "litellm_user.bare");
  assert.equal(state.user_id, "imported-bare");
  assert.equal(state.max_budget, 0, "no budget on LiteLLM is 0");
  assert.equal(state.auto_create_key, false, "a user without keys has auto_create_key = false");
  assert.equal(state.user_role, null, "LiteLLM has no role for this user (it counts as internal_user, so the default role plans clean)");
  assert.deepEqual(
    env.rec.requests.filter((r) => r.path === "/user/list").map((r) => r.query.get("user_email")),
    ["BARE@Example.com"],
    "the email is looked up through /user/list",
  );
  await planIsClean(ws);

  const missing = env.workspace(tf(`resource "litellm_user" "nobody" {\n  user_email = "nobody@example.com"\n}`));
  const r = await missing.ok(["import", "-no-color", "litellm_user.nobody", "nobody@example.com"], 1);
  assert.match(r.stderr, /User Not Found/);
  assert.match(r.stderr, /nobody@example\.com/);
  // "ex" is contained in both emails: the lookup is exact, not LiteLLM's contains-match.
  const partial = await missing.ok(["import", "-no-color", "litellm_user.nobody", "ex@example.com"], 1);
  assert.match(partial.stderr, /User Not Found/);

  // LiteLLM's /user/update upserts without checking emails, so two users can share one: the error lists both.
  assert.equal((await adminCall(env.emu, "POST", "/user/new", { user_id: "twin-1", user_email: "twin@example.com", auto_create_key: false })).status, 200);
  assert.equal((await adminCall(env.emu, "POST", "/user/update", { user_id: "twin-2", user_email: "TWIN@example.com" })).status, 200);
  const twins = await missing.ok(["import", "-no-color", "litellm_user.nobody", "twin@example.com"], 1);
  assert.match(twins.stderr, /Email Is Not Unique/);
  assert.match(twins.stderr, /twin-1/);
  assert.match(twins.stderr, /twin-2/);
});

test("import {} blocks with plan -generate-config-out write HCL that plans with no changes", async () => {
  const ws = env.workspace(
    tf(`import {
  to = litellm_user.full
  id = "imported-full"
}

import {
  to = litellm_user.bare
  id = "bare@example.com"
}`),
  );
  const plan = await savedPlan(ws, 2, ["-generate-config-out=generated.tf"]);
  for (const address of ["litellm_user.full", "litellm_user.bare"]) {
    assert.deepEqual(changeOf(plan, address).actions, ["no-op"], `${address} is only imported`);
  }
  const generated = fs.readFileSync(path.join(ws.dir, "generated.tf"), "utf8");
  assert.match(generated, /resource "litellm_user" "full" \{/);
  assert.match(generated, /user_email\s+= "Imported@Example\.com"/);
  assert.match(generated, /budget_duration\s+= "7d"/);
  assert.doesNotMatch(generated, /key_alias\s+= "imported-key"/, "the user's key is not the resource's");
  assert.doesNotMatch(generated, /^\s*(key|spend|created_at|updated_at|id)\s+=/m, "no computed-only attribute is written");

  await apply(ws, ["plan.bin"]);
  assert.equal((await stateOf(ws, "litellm_user.bare")).user_id, "imported-bare");
  await planIsClean(ws);
});

test("import, then a configuration in the seed's spellings (monthly for 30d, user for internal_user) plans no changes", async () => {
  const made = await adminCall(env.emu, "POST", "/user/new", {
    user_id: "imported-seed",
    user_email: "seed@example.com",
    user_role: "internal_user",
    budget_duration: "30d",
    max_budget: 20,
    auto_create_key: false,
  });
  assert.equal(made.status, 200);
  const ws = env.workspace(
    tf(`resource "litellm_user" "seed" {
  user_email      = "seed@example.com"
  user_role       = "user"
  max_budget      = 20
  budget_duration = "monthly"
}`),
  );
  await ws.ok(["import", "-no-color", "litellm_user.seed", "imported-seed"]);
  const imported = await stateOf(ws, "litellm_user.seed");
  assert.deepEqual([imported.user_role, imported.budget_duration], ["internal_user", "30d"], "import takes LiteLLM's spellings");

  // LiteLLM resets a 30d budget on the 1st of next month, as it does a monthly one; user is internal_user.
  env.rec.clear();
  await planIsClean(ws);
  await apply(ws);
  assert.deepEqual(
    env.rec.requests.filter((r) => r.method !== "GET").map((r) => r.path),
    [],
    "applying the matching configuration writes nothing",
  );
  const row = storedUser(env.emu, "imported-seed");
  assert.deepEqual([row.user_role, row.budget_duration], ["internal_user", "30d"]);
  await planIsClean(ws);

  // A different period is still a change.
  ws.write({ "main.tf": tf(`resource "litellm_user" "seed" {
  user_email      = "seed@example.com"
  user_role       = "user"
  max_budget      = 20
  budget_duration = "weekly"
}`) });
  const plan = await savedPlan(ws);
  assert.deepEqual(changeOf(plan, "litellm_user.seed").actions, ["update"]);
  assert.equal(changeOf(plan, "litellm_user.seed").after?.budget_duration, "weekly");
});
