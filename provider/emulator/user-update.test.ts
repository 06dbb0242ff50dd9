import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { get, post, useEmulator, UUID4 } from "./emulator.test-support";

let now = Date.UTC(2026, 0, 5, 8, 0, 0); // Monday 5 January 2026
const ctx = useEmulator({ clock: () => now });

async function seed() {
  now = Date.UTC(2026, 0, 5, 8, 0, 0);
  await post(ctx.emu, "/user/new", { user_id: "dan", user_email: "dan@example.com", user_alias: "Dan", models: ["a"], metadata: { x: 1, y: 2 }, max_budget: 5, tpm_limit: 10, budget_duration: "1d" });
  now += 60_000;
}

describe("POST /user/update", () => {
  it("ignores null, [] and {} but honours max_budget: null", async () => {
    await seed();
    const res = await post(ctx.emu, "/user/update", { user_id: "dan", user_alias: null, models: [], metadata: {}, tpm_limit: null, budget_duration: null, max_budget: null });
    assert.equal(res.status, 200);
    const data = res.body.data;
    assert.equal(data.user_alias, "Dan");
    assert.deepEqual(data.models, ["a"]);
    assert.deepEqual(data.metadata, { x: 1, y: 2 });
    assert.equal(data.tpm_limit, 10);
    assert.equal(data.budget_duration, "1d");
    assert.equal(data.max_budget, null);
  });

  it("leaves fields that were not sent alone, including max_budget", async () => {
    await seed();
    const res = await post(ctx.emu, "/user/update", { user_id: "dan", user_alias: "Daniel" });
    assert.equal(res.body.data.user_alias, "Daniel");
    assert.equal(res.body.data.max_budget, 5);
  });

  it("replaces metadata as a whole, answers {user_id, data} without password and moves updated_at", async () => {
    await seed();
    const res = await post(ctx.emu, "/user/update", { user_id: "dan", metadata: { z: 3 }, password: "a long password" });
    assert.deepEqual(Object.keys(res.body), ["user_id", "data"]);
    assert.equal(res.body.user_id, "dan");
    assert.deepEqual(res.body.data.metadata, { z: 3 });
    assert.equal("password" in res.body.data, false);
    assert.equal(res.body.data.updated_at, "2026-01-05T08:01:00+00:00");
    assert.equal(res.body.data.created_at, "2026-01-05T08:00:00+00:00");
    assert.notEqual(ctx.emu.store.getUser("dan")!.password, null);
  });

  it("recomputes budget_reset_at from a new budget_duration", async () => {
    await seed();
    assert.equal(ctx.emu.store.getUser("dan")!.budget_reset_at, Date.UTC(2026, 0, 6));
    const res = await post(ctx.emu, "/user/update", { user_id: "dan", budget_duration: "1mo" });
    assert.equal(res.body.data.budget_reset_at, "2026-02-01T00:00:00+00:00");
  });

  it("creates the user for an unknown user_id (upsert)", async () => {
    const res = await post(ctx.emu, "/user/update", { user_id: "new-one", user_alias: "N", max_budget: "2" });
    assert.equal(res.status, 200);
    assert.equal(res.body.user_id, "new-one");
    assert.equal(res.body.data.max_budget, 2);
    assert.equal((await get(ctx.emu, "/user/info?user_id=new-one")).status, 200);
  });

  it("updates by exact email, or creates a user with a fresh uuid for an unknown email", async () => {
    await seed();
    const known = await post(ctx.emu, "/user/update", { user_email: "dan@example.com", user_alias: "by-mail" });
    assert.equal(known.body.user_id, "dan");
    assert.equal(ctx.emu.store.getUser("dan")!.user_alias, "by-mail");
    const unknown = await post(ctx.emu, "/user/update", { user_email: "eve@example.com" });
    assert.equal(unknown.status, 200);
    assert.match(unknown.body.user_id, UUID4);
    assert.equal(unknown.body.data.user_email, "eve@example.com");
  });

  it("answers 422 when neither user_id nor user_email is given", async () => {
    const res = await post(ctx.emu, "/user/update", { user_alias: "x", user_id: null });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body, {
      detail: [{ type: "value_error", loc: ["body"], msg: "Value error, Either user id or user email must be provided", input: { user_alias: "x", user_id: null }, ctx: { error: {} } }],
    });
  });

  it("answers 400 for a non-column field sent with a value, naming the first one", async () => {
    await seed();
    for (const [body, field] of [[{ blocked: true }, "blocked"], [{ blocked: false }, "blocked"], [{ key_alias: "k", duration: "1h" }, "key_alias"], [{ aliases: { a: "b" } }, "aliases"]] as const) {
      const res = await post(ctx.emu, "/user/update", { user_id: "dan", user_alias: "changed", ...body });
      assert.equal(res.status, 400, field);
      assert.deepEqual(res.body, { error: { message: `Authentication Error, Could not find field at \`upsertOneLiteLLM_UserTable.create.${field}\``, type: "auth_error", param: "None", code: "400" } });
    }
    assert.equal(ctx.emu.store.getUser("dan")!.user_alias, "Dan", "nothing was written");
    const empty = await post(ctx.emu, "/user/update", { user_id: "dan", blocked: null, aliases: {}, guardrails: [] });
    assert.equal(empty.status, 200, "empty non-column values are dropped before the write");
    const moved = await post(ctx.emu, "/user/update", { user_id: "dan", guardrails: ["pii"] });
    assert.equal(moved.status, 200, "prepare_metadata_fields moves guardrails into metadata");
    assert.deepEqual(ctx.emu.store.getUser("dan")!.metadata.guardrails, ["pii"]);
  });

  it("refuses a budget_duration that cannot be stored with 400 auth_error, the detail as its message", async () => {
    await seed();
    const res = await post(ctx.emu, "/user/update", { user_id: "dan", budget_duration: "3mo" });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.type, "auth_error");
    assert.equal(res.body.error.message, `{'error': "Invalid budget_duration '3mo'. Use a format like '1h', '24h', '7d', or '30d'."}`);
  });

  it("validates user_role as on /user/new", async () => {
    const res = await post(ctx.emu, "/user/update", { user_id: "dan", user_role: "customer" });
    assert.equal(res.status, 422);
    assert.equal(res.body.detail[0].type, "literal_error");
  });
});
