import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { call, post, PY_ISO, useEmulator, UUID4 } from "./emulator.test-support";

const NOW = Date.UTC(2026, 2, 11, 10, 20, 30, 500); // Wednesday 11 March 2026
const ctx = useEmulator({ clock: () => NOW });

describe("POST /user/new", () => {
  it("creates the user and a key, answering every NewUserResponse field", async () => {
    const res = await post(ctx.emu, "/user/new", {
      user_id: "alice", user_email: "alice@example.com", user_alias: "Alice", user_role: "internal_user",
      max_budget: 10, budget_duration: "30d", models: ["gpt-4o"], metadata: { team: "a" }, tpm_limit: 100, rpm_limit: 5,
      key_alias: "alice-key", duration: "1h",
    });
    assert.equal(res.status, 200);
    const b = res.body;
    assert.match(b.key, /^sk-[A-Za-z0-9_-]{22}$/);
    assert.equal(b.key_name, `sk-...${b.key.slice(-4)}`);
    assert.equal(b.key_alias, "alice-key");
    assert.equal(b.token, null);
    assert.equal(b.token_id, null);
    assert.equal(b.teams, null);
    assert.equal("budget_reset_at" in b, false);
    assert.equal(b.expires, "2026-03-11T11:20:30.500000+00:00");
    assert.equal(b.created_at, "2026-03-11T10:20:30.500000+00:00");
    assert.equal(b.updated_at, b.created_at);
    for (const [field, value] of Object.entries({ user_id: "alice", user_email: "alice@example.com", user_alias: "Alice", user_role: "internal_user", max_budget: 10, budget_duration: "30d", spend: 0, tpm_limit: 100, rpm_limit: 5, max_parallel_requests: null, team_id: null })) {
      assert.deepEqual(b[field], value, field);
    }
    assert.deepEqual(b.models, ["gpt-4o"]);
    assert.deepEqual(b.metadata, { team: "a" });
    assert.deepEqual(b.config, {});
    assert.deepEqual(b.aliases, {});

    const user = ctx.emu.store.getUser("alice")!;
    assert.equal(user.budget_reset_at, Date.UTC(2026, 3, 1));
    const [key] = ctx.emu.store.keysOfUser("alice");
    assert.equal(key!.token, createHash("sha256").update(b.key).digest("hex"));
    assert.equal(key!.max_budget, null, "the budget belongs to the user");
    assert.equal(key!.budget_duration, null);
    assert.deepEqual(key!.models, ["gpt-4o"]);
    assert.deepEqual(key!.metadata, { team: "a" });
    assert.equal(key!.tpm_limit, 100);
    assert.equal(key!.rpm_limit, 5);
  });

  it("generates a uuid4 user_id, auto-creates a key by default and stores user_role null as null", async () => {
    const res = await post(ctx.emu, "/user/new", {});
    assert.equal(res.status, 200);
    assert.match(res.body.user_id, UUID4);
    assert.match(res.body.key, /^sk-/);
    assert.equal(res.body.user_role, null);
    assert.equal(res.body.expires, null);
    assert.equal(ctx.emu.store.keysOfUser(res.body.user_id).length, 1);
  });

  it("makes no key with auto_create_key false: key is \"\" and the timestamps are null", async () => {
    const res = await post(ctx.emu, "/user/new", { user_id: "nokey", auto_create_key: false, duration: "garbage" });
    assert.equal(res.status, 200);
    assert.equal(res.body.key, "");
    assert.equal(res.body.key_name, null);
    assert.equal(res.body.created_at, null);
    assert.equal(res.body.updated_at, null);
    assert.equal(ctx.emu.store.keys.size, 0);
    assert.equal(ctx.emu.store.getUser("nokey")!.created_at, NOW);
  });

  it("answers 409 with a Python-repr message for a duplicate user_id, then for a duplicate email", async () => {
    await post(ctx.emu, "/user/new", { user_id: "bob", user_email: "Bob@Example.com" });
    const id = await post(ctx.emu, "/user/new", { user_id: "bob", user_email: "other@example.com" });
    assert.equal(id.status, 409);
    assert.deepEqual(id.body, { error: { message: "{'error': 'User with id bob already exists'}", type: "internal_server_error", param: "None", code: "409" } });
    const email = await post(ctx.emu, "/user/new", { user_id: "bob2", user_email: "  bob@example.COM " });
    assert.equal(email.status, 409);
    assert.equal(email.body.error.message, "{'error': 'User with email Bob@Example.com already exists'}");
    assert.equal(ctx.emu.store.users.size, 1);
    assert.equal(ctx.emu.store.keys.size, 1);
  });

  it("looks for duplicate emails only when an email is given", async () => {
    assert.equal((await post(ctx.emu, "/user/new", { user_email: "" })).status, 200);
    assert.equal((await post(ctx.emu, "/user/new", { user_email: "" })).status, 200);
    assert.equal((await post(ctx.emu, "/user/new", { user_email: null })).status, 200);
  });

  it("does not check key_alias uniqueness", async () => {
    assert.equal((await post(ctx.emu, "/user/new", { key_alias: "same" })).status, 200);
    assert.equal((await post(ctx.emu, "/user/new", { key_alias: "same" })).status, 200);
  });

  it("accepts numeric strings, turns max_budget \"\" into null and ignores unknown fields", async () => {
    const res = await post(ctx.emu, "/user/new", { user_id: "n", max_budget: "12.5", tpm_limit: "7", rpm_limit: 3.0, no_such_field: 1 });
    assert.equal(res.status, 200);
    assert.equal(res.body.max_budget, 12.5);
    assert.equal(res.body.tpm_limit, 7);
    assert.equal(res.body.rpm_limit, 3);
    assert.equal("no_such_field" in res.body, false);
    const empty = await post(ctx.emu, "/user/new", { user_id: "e", max_budget: "" });
    assert.equal(empty.body.max_budget, null);
  });

  it("rejects roles outside the four assignable ones with pydantic's literal_error", async () => {
    const expected =
      "<LitellmUserRoles.PROXY_ADMIN: 'proxy_admin'>, <LitellmUserRoles.PROXY_ADMIN_VIEW_ONLY: 'proxy_admin_viewer'>, <LitellmUserRoles.INTERNAL_USER: 'internal_user'> or <LitellmUserRoles.INTERNAL_USER_VIEW_ONLY: 'internal_user_viewer'>";
    for (const role of ["team", "customer", "proxy_admin_view_only", "PROXY_ADMIN"]) {
      const res = await post(ctx.emu, "/user/new", { user_role: role });
      assert.equal(res.status, 422, role);
      assert.deepEqual(res.body, { detail: [{ type: "literal_error", loc: ["body", "user_role"], msg: `Input should be ${expected}`, input: role, ctx: { expected } }] });
    }
    assert.equal(ctx.emu.store.users.size, 0);
  });

  it("collects every field error in one 422, in the model's field order", async () => {
    const res = await post(ctx.emu, "/user/new", { max_budget: "ten", tpm_limit: 1.5, rpm_limit: "x", models: "gpt", metadata: [], auto_create_key: null, user_email: 5, password: "short" });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.detail, [
      { type: "list_type", loc: ["body", "models"], msg: "Input should be a valid list", input: "gpt" },
      { type: "float_parsing", loc: ["body", "max_budget"], msg: "Input should be a valid number, unable to parse string as a number", input: "ten" },
      { type: "dict_type", loc: ["body", "metadata"], msg: "Input should be a valid dictionary", input: [] },
      { type: "int_from_float", loc: ["body", "tpm_limit"], msg: "Input should be a valid integer, got a number with a fractional part", input: 1.5 },
      { type: "int_parsing", loc: ["body", "rpm_limit"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "x" },
      { type: "string_type", loc: ["body", "user_email"], msg: "Input should be a valid string", input: 5 },
      { type: "bool_type", loc: ["body", "auto_create_key"], msg: "Input should be a valid boolean", input: null },
      { type: "string_too_short", loc: ["body", "password"], msg: "String should have at least 8 characters", input: "short", ctx: { min_length: 8 } },
    ]);
  });

  it("answers FastAPI's 422s for a missing body, a non-object body and malformed JSON", async () => {
    const missing = await call(ctx.emu, "POST", "/user/new");
    assert.deepEqual(missing.body, { detail: [{ type: "missing", loc: ["body"], msg: "Field required", input: null }] });
    const list = await post(ctx.emu, "/user/new", [1]);
    assert.deepEqual(list.body, { detail: [{ type: "model_attributes_type", loc: ["body"], msg: "Input should be a valid dictionary or object to extract fields from", input: [1] }] });
    const broken = await call(ctx.emu, "POST", "/user/new", { raw: '{"user_id": "x",}', headers: { authorization: "Bearer sk-1234", "content-type": "application/json" } });
    assert.equal(broken.status, 422);
    assert.deepEqual(broken.body, { detail: [{ type: "json_invalid", loc: ["body", 16], msg: "JSON decode error", input: {}, ctx: { error: "Expecting property name enclosed in double quotes" } }] });
  });

  it("answers 500 for key durations LiteLLM cannot parse, creating nothing", async () => {
    for (const [duration, message] of [["abc", "Invalid duration format"], ["10", "Unsupported duration unit"], ["1D", "Unsupported duration unit"]]) {
      const res = await post(ctx.emu, "/user/new", { duration });
      assert.equal(res.status, 500, duration);
      assert.deepEqual(res.body, { error: { message, type: "internal_server_error", param: "None", code: "500" } });
    }
    assert.equal(ctx.emu.store.users.size, 0);
  });

  it("answers 400 for a budget_duration that cannot be stored (validate_budget_duration), before writing anything", async () => {
    for (const duration of ["2mo", "1D", "0d", "abc"]) {
      const res = await post(ctx.emu, "/user/new", { user_id: `bad-${duration}`, budget_duration: duration });
      assert.equal(res.status, 400, duration);
      assert.deepEqual(res.body.error, {
        message: `{'error': "Invalid budget_duration '${duration}'. Use a format like '1h', '24h', '7d', or '30d'."}`,
        type: "internal_server_error",
        param: "None",
        code: "400",
      });
    }
    assert.equal(ctx.emu.store.users.size, 0);
  });

  it("keeps model_max_budget enterprise-only unless it is empty", async () => {
    assert.equal((await post(ctx.emu, "/user/new", { model_max_budget: {} })).status, 200);
    const res = await post(ctx.emu, "/user/new", { model_max_budget: { "gpt-4o": 1 } });
    assert.equal(res.status, 500);
    assert.match(res.body.error.message, /Enterprise/);
  });

  it("renders timestamps the way Python's isoformat does", async () => {
    const res = await post(ctx.emu, "/user/new", {});
    assert.match(res.body.created_at, PY_ISO);
  });
});
