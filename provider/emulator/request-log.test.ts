import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { call, get, post, useEmulator } from "./emulator.test-support";

const ctx = useEmulator({ masterKey: "sk-master-secret-value" });
const ADMIN = { authorization: "Bearer sk-master-secret-value" };

describe("request log and state inspection", () => {
  it("records method, path, status and time per request, with counts per endpoint", async () => {
    await post(ctx.emu, "/user/new", { user_id: "a" }, ADMIN);
    await post(ctx.emu, "/user/new", { user_id: "a" }, ADMIN);
    await get(ctx.emu, "/user/info?user_id=a", ADMIN);
    const res = await get(ctx.emu, "/_emulator/requests", ADMIN);
    assert.equal(res.status, 200);
    assert.equal(res.body.total, 3);
    assert.deepEqual(res.body.counts, { "POST /user/new": 2, "GET /user/info": 1 });
    assert.deepEqual(
      res.body.requests.map((r: any) => [r.method, r.path, r.status, r.outcome]),
      [["POST", "/user/new", 200, "response"], ["POST", "/user/new", 409, "response"], ["GET", "/user/info", 200, "response"]],
    );
    for (const entry of res.body.requests) assert.ok(!Number.isNaN(Date.parse(entry.timestamp)));
  });

  it("proves the absence of calls: /_emulator/ requests are not logged", async () => {
    await get(ctx.emu, "/_emulator/state", ADMIN);
    await get(ctx.emu, "/_emulator/requests", ADMIN);
    const res = await get(ctx.emu, "/_emulator/requests", ADMIN);
    assert.deepEqual(res.body, { total: 0, counts: {}, requests: [] });
  });

  it("never holds keys, headers or bodies", async () => {
    const created = await post(ctx.emu, "/user/new", { user_id: "b", password: "secret-password-1" }, ADMIN);
    await get(ctx.emu, `/key/info?key=${created.body.key}`, ADMIN);
    await get(ctx.emu, "/user/list", { authorization: "Bearer sk-wrong-guess" });
    const text = (await get(ctx.emu, "/_emulator/requests", ADMIN)).text;
    for (const secret of ["sk-master-secret-value", created.body.key, "secret-password-1", "sk-wrong-guess"]) assert.ok(!text.includes(secret), secret);
    const state = (await get(ctx.emu, "/_emulator/state", ADMIN)).text;
    for (const secret of [created.body.key, "secret-password-1"]) assert.ok(!state.includes(secret), secret);
  });

  it("logs failed auth and validation with their status, and clears on DELETE", async () => {
    await post(ctx.emu, "/user/new", {}, {});
    await post(ctx.emu, "/user/new", { user_role: "team" }, ADMIN);
    assert.deepEqual(ctx.emu.requests.entries().map((e) => e.status), [401, 422]);
    await call(ctx.emu, "DELETE", "/_emulator/requests", { headers: ADMIN });
    assert.equal(ctx.emu.requests.total(), 0);
  });

  it("dumps users and keys, and empties everything on reset", async () => {
    await post(ctx.emu, "/user/new", { user_id: "c" }, ADMIN);
    ctx.emu.faults.add([{ match: { path: "/nothing" }, action: { status: 500 } }]);
    const state = await get(ctx.emu, "/_emulator/state", ADMIN);
    assert.deepEqual(state.body.users.map((u: any) => u.user_id), ["c"]);
    assert.equal(state.body.keys.length, 1);
    assert.equal(state.body.keys[0].user_id, "c");
    assert.equal(state.body.legacy, false);
    const reset = await post(ctx.emu, "/_emulator/reset", {}, ADMIN);
    assert.deepEqual(reset.body, { reset: true });
    assert.equal(ctx.emu.store.users.size, 0);
    assert.equal(ctx.emu.store.keys.size, 0);
    assert.deepEqual(ctx.emu.faults.list(), []);
    assert.equal(ctx.emu.requests.total(), 0);
  });

  it("needs the master key", async () => {
    assert.equal((await get(ctx.emu, "/_emulator/state", {})).status, 401);
    assert.equal((await get(ctx.emu, "/_emulator/state", { authorization: "Bearer sk-1234" })).status, 401);
  });

  it("answers FastAPI's 404, 405 and trailing-slash 307", async () => {
    const notFound = await get(ctx.emu, "/organization/new", ADMIN);
    assert.deepEqual([notFound.status, notFound.body], [404, { detail: "Not Found" }]);
    const wrongMethod = await get(ctx.emu, "/user/new", ADMIN);
    assert.deepEqual([wrongMethod.status, wrongMethod.body], [405, { detail: "Method Not Allowed" }]);
    assert.equal(wrongMethod.headers.get("allow"), "POST");
    const slash = await fetch(ctx.emu.url + "/user/info/?user_id=a", { headers: ADMIN, redirect: "manual" });
    assert.equal(slash.status, 307);
    assert.equal(slash.headers.get("location"), `${ctx.emu.url}/user/info?user_id=a`);
  });
});
