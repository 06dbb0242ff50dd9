import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { get, post, useEmulator } from "./emulator.test-support";

const ctx = useEmulator({ clock: () => Date.UTC(2026, 6, 1, 12) });
const sha = (key: string) => createHash("sha256").update(key).digest("hex");

describe("/key/*", () => {
  it("generates a key for any user_id, with token and token_id set to the hash", async () => {
    const res = await post(ctx.emu, "/key/generate", { user_id: "nobody-yet", key_alias: "k1", models: ["m"], max_budget: 4, budget_duration: "1d", duration: "2d" });
    assert.equal(res.status, 200);
    assert.match(res.body.key, /^sk-[A-Za-z0-9_-]{22}$/);
    assert.equal(res.body.token, sha(res.body.key));
    assert.equal(res.body.token_id, res.body.token);
    assert.equal(res.body.key_name, `sk-...${res.body.key.slice(-4)}`);
    assert.equal(res.body.max_budget, 4);
    assert.equal(res.body.budget_duration, "1d");
    assert.equal(res.body.expires, "2026-07-03T12:00:00+00:00");
    assert.equal(res.body.created_by, "default_user_id");
    assert.equal(ctx.emu.store.getKey(res.body.token)!.budget_reset_at, Date.UTC(2026, 6, 2));
  });

  it("rejects a duplicate key_alias and a negative max_budget with 400", async () => {
    await post(ctx.emu, "/key/generate", { key_alias: "dup" });
    const dup = await post(ctx.emu, "/key/generate", { key_alias: "dup" });
    assert.equal(dup.status, 400);
    assert.deepEqual(dup.body, { error: { message: "Key with alias 'dup' already exists. Unique key aliases across all keys are required.", type: "bad_request_error", param: "key_alias", code: "400" } });
    const negative = await post(ctx.emu, "/key/generate", { max_budget: -1 });
    assert.equal(negative.status, 400);
    assert.equal(ctx.emu.store.keys.size, 1);
  });

  it("answers /key/info for the raw key or its hash, without the token, and 404 otherwise", async () => {
    const { body } = await post(ctx.emu, "/key/generate", { key_alias: "info" });
    for (const sent of [body.key, body.token]) {
      const res = await get(ctx.emu, `/key/info?key=${sent}`);
      assert.equal(res.status, 200);
      assert.equal(res.body.key, sent);
      assert.equal("token" in res.body.info, false);
      assert.equal(res.body.info.key_alias, "info");
      assert.equal(res.body.info.litellm_budget_table, null);
    }
    const missing = await get(ctx.emu, "/key/info?key=sk-missing");
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { error: { message: "Key not found in database", type: "not_found_error", param: "key", code: "404" } });
  });

  it("deletes by keys or key_aliases, 404 when nothing matched, 422 with neither", async () => {
    const a = await post(ctx.emu, "/key/generate", { key_alias: "a" });
    await post(ctx.emu, "/key/generate", { key_alias: "b" });
    const byKey = await post(ctx.emu, "/key/delete", { keys: [a.body.key] });
    assert.equal(byKey.status, 200);
    assert.deepEqual(byKey.body, { deleted_keys: [a.body.key] });
    const byAlias = await post(ctx.emu, "/key/delete", { key_aliases: ["b"] });
    assert.deepEqual(byAlias.body, { deleted_keys: ["b"] });
    assert.equal(ctx.emu.store.keys.size, 0);
    const none = await post(ctx.emu, "/key/delete", { keys: [a.body.key] });
    assert.equal(none.status, 404);
    assert.deepEqual(none.body, { error: { message: "{'error': 'No keys found'}", type: "internal_server_error", param: "None", code: "404" } });
    const neither = await post(ctx.emu, "/key/delete", { keys: [] });
    assert.equal(neither.status, 422);
    assert.equal(neither.body.detail[0].type, "value_error");
  });

  it("updates a key's alias and models, keeping aliases unique", async () => {
    const a = await post(ctx.emu, "/key/generate", { key_alias: "a" });
    await post(ctx.emu, "/key/generate", { key_alias: "taken" });
    const res = await post(ctx.emu, "/key/update", { key: a.body.key, key_alias: "renamed", models: ["x"] });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { key: a.body.key, key_alias: "renamed", models: ["x"] });
    assert.equal(ctx.emu.store.getKey(a.body.token)!.key_alias, "renamed");
    assert.equal((await post(ctx.emu, "/key/update", { key: a.body.key, key_alias: "taken" })).status, 400);
    assert.equal((await post(ctx.emu, "/key/update", { key: "sk-missing", key_alias: "z" })).status, 404);
  });
});
