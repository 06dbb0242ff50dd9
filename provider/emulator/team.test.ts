import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { call, get, post, PY_ISO, useEmulator, UUID4 } from "./emulator.test-support";

const NOW = Date.UTC(2026, 2, 11, 10, 20, 30, 500); // Wednesday 11 March 2026
const ctx = useEmulator({ clock: () => NOW });

describe("POST /team/new", () => {
  it("creates the team; the master key's user default_user_id becomes its admin and a user row", async () => {
    const res = await post(ctx.emu, "/team/new", { team_alias: "backend", max_budget: 5, budget_duration: "1d", models: ["gpt-4o"], metadata: { a: 1 } });
    assert.equal(res.status, 200);
    assert.match(res.body.team_id, UUID4);
    assert.equal(res.body.team_alias, "backend");
    assert.deepEqual(res.body.members_with_roles, [], "the answer is the row as first written, before members are added");
    assert.equal(res.body.spend, 0);
    assert.equal(res.body.blocked, false);
    assert.equal(res.body.budget_reset_at, "2026-03-12T00:00:00+00:00");
    assert.match(res.body.created_at, PY_ISO);

    const info = await get(ctx.emu, `/team/info?team_id=${res.body.team_id}`);
    assert.deepEqual(info.body.team_info.members_with_roles, [{ user_id: "default_user_id", user_email: null, role: "admin" }]);
    const admin = ctx.emu.store.getUser("default_user_id")!;
    assert.equal(admin.user_role, "internal_user");
    assert.deepEqual(admin.teams, [res.body.team_id]);
  });

  it("rejects a team_id that exists with 400, rendered by handle_exception_on_proxy", async () => {
    assert.equal((await post(ctx.emu, "/team/new", { team_id: "t1" })).status, 200);
    const again = await post(ctx.emu, "/team/new", { team_id: "t1", team_alias: "other" });
    assert.equal(again.status, 400);
    assert.deepEqual(again.body, {
      error: { message: "{'error': 'Team id = t1 already exists. Please use a different team id.'}", type: "internal_server_error", param: "None", code: "400" },
    });
    assert.equal(ctx.emu.store.getTeam("t1")!.team_alias, null);
  });

  it("validates members_with_roles", async () => {
    const res = await post(ctx.emu, "/team/new", { members_with_roles: [{ role: "owner", user_id: "u" }] });
    assert.equal(res.status, 422);
    assert.deepEqual(res.body.detail[0].loc, ["body", "members_with_roles", 0]);
    assert.equal(res.body.detail[0].type, "literal_error");
    assert.equal(ctx.emu.store.teams.size, 0);
  });
});

describe("GET /team/info", () => {
  it("answers the team, its keys and membership rows", async () => {
    await post(ctx.emu, "/team/new", { team_id: "t1", team_alias: "a" });
    const key = await post(ctx.emu, "/key/generate", { team_id: "t1", key_alias: "team-key" });
    const info = await get(ctx.emu, "/team/info?team_id=t1");
    assert.equal(info.status, 200);
    assert.equal(info.body.team_id, "t1");
    assert.equal(info.body.team_info.team_alias, "a");
    assert.equal(info.body.team_info.team_member_budget_table, null);
    assert.deepEqual(info.body.keys.map((k: any) => k.token), [key.body.token]);
    assert.deepEqual(info.body.team_memberships, []);
  });

  it("answers 404 and 422 as auth_error ProxyExceptions carrying the dict's repr", async () => {
    const missing = await get(ctx.emu, "/team/info?team_id=nope");
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { error: { message: "{'message': 'Team not found, passed team id: nope.'}", type: "auth_error", param: "None", code: "404" } });
    const none = await get(ctx.emu, "/team/info");
    assert.equal(none.status, 422);
    assert.equal(none.body.error.message, "{'message': 'Malformed request. No team id passed in.'}");
  });
});

describe("POST /team/update", () => {
  it("writes only the fields sent; null clears nullable columns; metadata is replaced whole", async () => {
    await post(ctx.emu, "/team/new", { team_id: "t1", team_alias: "a", max_budget: 5, tpm_limit: 10, models: ["m"], metadata: { a: 1, b: 2 } });
    const res = await post(ctx.emu, "/team/update", { team_id: "t1", max_budget: null, team_alias: null, models: [], metadata: { c: 3 }, blocked: true });
    assert.equal(res.status, 200);
    assert.equal(res.body.team_id, "t1");
    const row = ctx.emu.store.getTeam("t1")!;
    assert.deepEqual(
      [row.max_budget, row.team_alias, row.models, row.metadata, row.blocked, row.tpm_limit],
      [null, null, [], { c: 3 }, true, 10],
    );
    assert.deepEqual(res.body.data.metadata, { c: 3 });
  });

  it("recomputes budget_reset_at and answers FastAPI's 404 for an unknown team", async () => {
    await post(ctx.emu, "/team/new", { team_id: "t1" });
    await post(ctx.emu, "/team/update", { team_id: "t1", budget_duration: "1mo" });
    assert.equal(ctx.emu.store.getTeam("t1")!.budget_reset_at, Date.UTC(2026, 3, 1));
    const missing = await post(ctx.emu, "/team/update", { team_id: "nope", max_budget: 1 });
    assert.deepEqual([missing.status, missing.body], [404, { detail: { error: "Team not found, passed team_id=nope" } }]);
    const noId = await post(ctx.emu, "/team/update", { max_budget: 1 });
    assert.equal(noId.status, 422);
  });

  it("fails with a plain 500 when a non-nullable column is sent as null", async () => {
    await post(ctx.emu, "/team/new", { team_id: "t1", models: ["m"] });
    const res = await post(ctx.emu, "/team/update", { team_id: "t1", models: null });
    assert.deepEqual([res.status, res.text], [500, "Internal Server Error"]);
    assert.deepEqual(ctx.emu.store.getTeam("t1")!.models, ["m"]);
  });
});

describe("POST /team/delete", () => {
  it("deletes the teams' keys and memberships; members stay as users, without the team", async () => {
    await post(ctx.emu, "/user/new", { user_id: "u1", auto_create_key: false });
    await post(ctx.emu, "/team/new", { team_id: "t1" });
    await post(ctx.emu, "/team/new", { team_id: "t2" });
    await post(ctx.emu, "/team/member_add", { team_id: "t1", member: { role: "user", user_id: "u1" }, max_budget_in_team: 3 });
    await post(ctx.emu, "/team/member_add", { team_id: "t2", member: { role: "user", user_id: "u1" } });
    await post(ctx.emu, "/key/generate", { team_id: "t1", key_alias: "t1-key" });
    await post(ctx.emu, "/key/generate", { user_id: "u1", key_alias: "own-key" });

    const res = await post(ctx.emu, "/team/delete", { team_ids: ["t1"] });
    assert.deepEqual([res.status, res.body], [200, { deleted_teams: ["t1"] }]);
    assert.deepEqual([...ctx.emu.store.teams.keys()], ["t2"]);
    assert.deepEqual([...ctx.emu.store.keys.values()].map((k) => k.key_alias), ["own-key"]);
    assert.deepEqual(ctx.emu.store.getUser("u1")!.teams, ["t2"]);
    assert.deepEqual(ctx.emu.store.getUser("default_user_id")!.teams, ["t2"]);
    assert.equal(ctx.emu.store.memberships.size, 0);
    assert.equal(ctx.emu.store.budgets.size, 0);
  });

  it("deletes nothing when any team is unknown", async () => {
    await post(ctx.emu, "/team/new", { team_id: "t1" });
    const res = await post(ctx.emu, "/team/delete", { team_ids: ["t1", "ghost"] });
    assert.deepEqual([res.status, res.body], [404, { detail: { error: "Team not found, passed team_id=ghost" } }]);
    assert.ok(ctx.emu.store.getTeam("t1"));
    assert.equal((await call(ctx.emu, "POST", "/team/delete", { body: {} })).status, 422);
  });
});

describe("GET /team/list", () => {
  it("lists teams by alias, optionally those of one user", async () => {
    await post(ctx.emu, "/user/new", { user_id: "u1", auto_create_key: false });
    await post(ctx.emu, "/team/new", { team_id: "t-b", team_alias: "beta" });
    await post(ctx.emu, "/team/new", { team_id: "t-a", team_alias: "alpha" });
    await post(ctx.emu, "/team/member_add", { team_id: "t-b", member: { role: "user", user_id: "u1" } });
    const all = await get(ctx.emu, "/team/list");
    assert.deepEqual(all.body.map((t: any) => t.team_alias), ["alpha", "beta"]);
    const mine = await get(ctx.emu, "/team/list?user_id=u1");
    assert.deepEqual(mine.body.map((t: any) => t.team_id), ["t-b"]);
  });
});
