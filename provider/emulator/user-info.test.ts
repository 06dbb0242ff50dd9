import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { get, post, useEmulator } from "./emulator.test-support";

const ctx = useEmulator();

describe("GET /user/info", () => {
  it("returns the full row without password, the user's keys with hashed tokens, and no teams", async () => {
    const created = await post(ctx.emu, "/user/new", { user_id: "carol", user_email: "c@example.com", password: "correct horse", max_budget: 3 });
    const res = await get(ctx.emu, "/user/info?user_id=carol");
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.body), ["user_id", "user_info", "keys", "teams"]);
    assert.equal(res.body.user_id, "carol");
    const info = res.body.user_info;
    assert.equal("password" in info, false);
    for (const field of ["user_id", "user_alias", "team_id", "sso_user_id", "organization_id", "object_permission_id", "teams", "user_role", "max_budget", "spend", "user_email", "models", "metadata", "max_parallel_requests", "tpm_limit", "rpm_limit", "budget_duration", "budget_reset_at", "allowed_cache_controls", "policies", "model_spend", "model_max_budget", "created_at", "updated_at"]) {
      assert.ok(field in info, field);
    }
    assert.deepEqual(info.organization_memberships, []);
    assert.equal(info.litellm_organization_table, null);
    assert.equal(info.max_budget, 3);
    assert.equal(res.body.keys.length, 1);
    const key = res.body.keys[0];
    assert.match(key.token, /^[0-9a-f]{64}$/);
    assert.notEqual(key.token, created.body.key);
    assert.equal(res.text.includes(created.body.key), false, "the raw key never comes back");
    assert.equal(key.team_alias, "None");
    assert.equal(key.litellm_budget_table, null);
    assert.deepEqual(res.body.teams, []);
  });

  it("answers 404 for an unknown user with the wrapped message", async () => {
    const res = await get(ctx.emu, "/user/info?user_id=ghost");
    assert.equal(res.status, 404);
    assert.deepEqual(res.body, { error: { message: "User ghost not found", type: "internal_server_error", param: "None", code: "404" } });
  });

  it("keeps a literal + in user_id and decodes %2B and %20", async () => {
    await post(ctx.emu, "/user/new", { user_id: "a+b" });
    await post(ctx.emu, "/user/new", { user_id: "c d" });
    assert.equal((await get(ctx.emu, "/user/info?user_id=a+b")).body.user_id, "a+b");
    assert.equal((await get(ctx.emu, "/user/info?user_id=a%2Bb")).body.user_id, "a+b");
    assert.equal((await get(ctx.emu, "/user/info?user_id=c%20d")).body.user_id, "c d");
  });

  it("lists every key on the proxy for a master-key caller without user_id", async () => {
    await post(ctx.emu, "/user/new", { user_id: "u1" });
    await post(ctx.emu, "/user/new", { user_id: "u2" });
    const res = await get(ctx.emu, "/user/info");
    assert.equal(res.status, 200);
    assert.equal(res.body.keys.length, 2);
  });
});
