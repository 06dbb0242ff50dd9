import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { call, get, post, useEmulator } from "./emulator.test-support";

const ctx = useEmulator();

describe("POST /user/delete", () => {
  it("deletes users with all their keys and answers a bare integer count", async () => {
    const a = await post(ctx.emu, "/user/new", { user_id: "a" });
    await post(ctx.emu, "/key/generate", { user_id: "a", key_alias: "extra" });
    await post(ctx.emu, "/user/new", { user_id: "b" });
    await post(ctx.emu, "/user/new", { user_id: "keep" });
    assert.equal(ctx.emu.store.keysOfUser("a").length, 2);
    const res = await post(ctx.emu, "/user/delete", { user_ids: ["a", "b"] });
    assert.equal(res.status, 200);
    assert.equal(res.text, "2");
    assert.deepEqual([...ctx.emu.store.users.keys()], ["keep"]);
    assert.equal(ctx.emu.store.keys.size, 1);
    assert.equal((await get(ctx.emu, "/user/list", { authorization: `Bearer ${a.body.key}` })).status, 401, "the deleted user's key is gone");
  });

  it("answers FastAPI's 404 for an unknown id and deletes nothing", async () => {
    await post(ctx.emu, "/user/new", { user_id: "a" });
    const res = await post(ctx.emu, "/user/delete", { user_ids: ["a", "ghost"] });
    assert.equal(res.status, 404);
    assert.deepEqual(res.body, { detail: { error: "User not found, passed user_id=ghost" } });
    assert.ok(ctx.emu.store.getUser("a"));
    assert.equal(ctx.emu.store.keys.size, 1);
  });

  it("requires user_ids as a list of strings", async () => {
    const missing = await post(ctx.emu, "/user/delete", {});
    assert.deepEqual(missing.body, { detail: [{ type: "missing", loc: ["body", "user_ids"], msg: "Field required", input: {} }] });
    const wrong = await post(ctx.emu, "/user/delete", { user_ids: [1] });
    assert.deepEqual(wrong.body, { detail: [{ type: "string_type", loc: ["body", "user_ids", 0], msg: "Input should be a valid string", input: 1 }] });
    const none = await call(ctx.emu, "POST", "/user/delete");
    assert.equal(none.status, 422);
  });
});
