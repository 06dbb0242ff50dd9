import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { get, post, useEmulator } from "./emulator.test-support";

const ctx = useEmulator({ legacy: true });

describe("legacy behaviour (LiteLLM <= 1.80.7)", () => {
  it("answers 200 with a stub for an unknown user on /user/info", async () => {
    const res = await get(ctx.emu, "/user/info?user_id=ghost");
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { user_id: "ghost", user_info: { spend: 0 }, keys: [], teams: [] });
  });

  it("answers 400 for a duplicate email", async () => {
    await post(ctx.emu, "/user/new", { user_id: "a", user_email: "a@example.com" });
    const res = await post(ctx.emu, "/user/new", { user_id: "b", user_email: "A@example.com" });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { error: { message: "{'error': 'User with email a@example.com already exists'}", type: "internal_server_error", param: "None", code: "400" } });
  });

  it("answers 200 for a duplicate user_id, leaving the user unchanged but minting an extra key", async () => {
    await post(ctx.emu, "/user/new", { user_id: "a", user_alias: "first", max_budget: 1 });
    const again = await post(ctx.emu, "/user/new", { user_id: "a", user_alias: "second", max_budget: 2 });
    assert.equal(again.status, 200);
    assert.match(again.body.key, /^sk-/);
    const user = ctx.emu.store.getUser("a")!;
    assert.equal(user.user_alias, "first");
    assert.equal(user.max_budget, 1);
    assert.equal(ctx.emu.store.keysOfUser("a").length, 2);
  });

  it("ignores max_budget: null on /user/update", async () => {
    await post(ctx.emu, "/user/new", { user_id: "a", max_budget: 7 });
    const res = await post(ctx.emu, "/user/update", { user_id: "a", max_budget: null });
    assert.equal(res.status, 200);
    assert.equal(res.body.data.max_budget, 7);
  });

  it("reports an unknown sk- key as auth_error with param None", async () => {
    const res = await get(ctx.emu, "/user/list", { authorization: "Bearer sk-unknown" });
    assert.equal(res.status, 401);
    assert.equal(res.body.error.type, "auth_error");
    assert.equal(res.body.error.param, "None");
  });

  it("does not know the 2026 fields (password is ignored, not validated)", async () => {
    const res = await post(ctx.emu, "/user/new", { user_id: "p", password: "short" });
    assert.equal(res.status, 200);
    assert.equal(ctx.emu.store.getUser("p")!.password, null);
  });
});
