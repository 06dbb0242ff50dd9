// Issue 3, the litellm_user data source: an existing user by user_id or by user_email (exact,
// case-insensitive), with the row's attributes and none of the key's.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { adminCall } from "../support/emulator";
import { apply, startUserTestEnv, stateResources, storedUser, tf, type UserTestEnv } from "./user-support";

let env: UserTestEnv;
before(async () => {
  env = await startUserTestEnv();
  const made = await adminCall(env.emu, "POST", "/user/new", {
    user_id: "ds-user",
    user_email: "Reader@Example.com",
    user_alias: "reader",
    user_role: "internal_user_viewer",
    max_budget: 3,
    budget_duration: "1mo",
    tpm_limit: 10,
    rpm_limit: 2,
    models: ["gpt-4o"],
    metadata: { team: "ops" },
    auto_create_key: true,
  });
  assert.equal(made.status, 200);
  // A user whose email contains the other's: the lookup must be exact.
  assert.equal((await adminCall(env.emu, "POST", "/user/new", { user_id: "ds-other", user_email: "proof-reader@example.com", auto_create_key: false })).status, 200);
});
after(async () => {
  await env.close();
});

test("data source by user_id and by user_email, from LiteLLM and from a managed user", async () => {
  const ws = env.workspace(
    tf(`data "litellm_user" "by_id" {
  user_id = "ds-user"
}

data "litellm_user" "by_email" {
  user_email = "reader@example.com"
}

resource "litellm_user" "managed" {
  user_email = "managed@example.com"
  user_role  = "user"
  max_budget = 0
}

data "litellm_user" "of_managed" {
  user_email = litellm_user.managed.user_email
}

output "same_user" {
  value = data.litellm_user.of_managed.user_id == litellm_user.managed.user_id
}`),
  );
  await apply(ws);
  const state = await stateResources(ws);
  const row = storedUser(env.emu, "ds-user");
  const expected = {
    id: "ds-user",
    user_id: "ds-user",
    user_email: "Reader@Example.com",
    user_alias: "reader",
    user_role: "internal_user_viewer",
    max_budget: 3,
    budget_duration: "1mo",
    tpm_limit: 10,
    rpm_limit: 2,
    models: ["gpt-4o"],
    metadata: '{"team":"ops"}',
    max_parallel_requests: null,
    teams: [],
    guardrails: null,
    tags: null,
    model_rpm_limit: null,
    model_tpm_limit: null,
    spend: 0,
  };
  // By email, the email keeps the configuration's spelling (Terraform requires it); the rest is LiteLLM's.
  for (const address of ["data.litellm_user.by_id", "data.litellm_user.by_email"]) {
    const values = state.get(address)!.values;
    const { created_at, updated_at, ...rest } = values;
    assert.deepEqual(rest, address.endsWith("by_email") ? { ...expected, user_email: "reader@example.com" } : expected, address);
    assert.equal(Date.parse(String(created_at)), row.created_at);
    assert.equal(Date.parse(String(updated_at)), row.updated_at);
    assert.ok(!("key" in values) && !("auto_create_key" in values), "no key attributes");
  }
  const managed = state.get("data.litellm_user.of_managed")!.values;
  assert.equal(managed.user_role, "internal_user", "the data source shows LiteLLM's own spelling");
  assert.equal(managed.max_budget, 0, "no budget is 0");
  const output = await ws.ok(["output", "-raw", "same_user"]);
  assert.equal(output.stdout, "true");
});

test("data source errors: no such user_id, no such email", async () => {
  const ws = env.workspace(
    tf(`data "litellm_user" "missing_id" {
  user_id = "nobody"
}

data "litellm_user" "missing_email" {
  user_email = "eader@example.com"
}`),
  );
  const r = await ws.ok(["plan", "-no-color"], 1);
  assert.match(r.stderr, /User Not Found[\s\S]*nobody/);
  assert.match(r.stderr, /No LiteLLM user has the email "eader@example\.com"/);
});
