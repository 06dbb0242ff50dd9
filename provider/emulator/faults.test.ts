import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { startEmulator } from "./index";
import { ADMIN, call, get, post, until, useEmulator } from "./emulator.test-support";

const ctx = useEmulator();

/** Sends /user/new and reports how the exchange ended, without throwing. */
async function attempt(url: string, body: unknown, signal?: AbortSignal): Promise<{ status?: number; text?: string; failed?: boolean }> {
  try {
    const res = await fetch(url + "/user/new", { method: "POST", headers: { ...ADMIN, "content-type": "application/json" }, body: JSON.stringify(body), signal });
    return { status: res.status, text: await res.text() };
  } catch {
    return { failed: true };
  }
}

describe("fault injection", () => {
  it("answers an injected status, body and headers before processing, for the next n requests only", async () => {
    ctx.emu.faults.add([{ match: { method: "POST", path: "/user/new", times: 1 }, action: { status: 503, body: { busy: true }, headers: { "Retry-After": "1" } } }]);
    const first = await post(ctx.emu, "/user/new", { user_id: "f1" });
    assert.equal(first.status, 503);
    assert.deepEqual(first.body, { busy: true });
    assert.equal(first.headers.get("retry-after"), "1");
    assert.equal(ctx.emu.store.users.size, 0, "a 'before' fault leaves state alone");
    const second = await post(ctx.emu, "/user/new", { user_id: "f1" });
    assert.equal(second.status, 200);
    assert.deepEqual(ctx.emu.faults.list(), [], "an exhausted rule is removed");
  });

  it("uses a ProxyException body when the rule gives none", async () => {
    ctx.emu.faults.add([{ action: { status: 500 } }]);
    const res = await get(ctx.emu, "/user/list");
    assert.deepEqual(res.body, { error: { message: "Injected fault (HTTP 500)", type: "internal_server_error", param: "None", code: "500" } });
  });

  it("resets the socket before processing: nothing is created", async () => {
    ctx.emu.faults.add([{ match: { path: "/user/new", times: 1 }, action: { reset: true } }]);
    assert.deepEqual(await attempt(ctx.emu.url, { user_id: "r1" }), { failed: true });
    assert.equal(ctx.emu.store.users.size, 0);
  });

  it("resets the socket after processing: the user exists, so a blind retry gets 409", async () => {
    ctx.emu.faults.add([{ match: { path: "/user/new", times: 1 }, action: { reset: true }, when: "after" }]);
    assert.deepEqual(await attempt(ctx.emu.url, { user_id: "r2" }), { failed: true });
    assert.ok(ctx.emu.store.getUser("r2"));
    assert.equal((await attempt(ctx.emu.url, { user_id: "r2" })).status, 409);
  });

  it("replaces the real answer with an error status after processing", async () => {
    ctx.emu.faults.add([{ match: { path: "/user/new", times: 1 }, action: { status: 502 }, when: "after" }]);
    assert.equal((await post(ctx.emu, "/user/new", { user_id: "s1" })).status, 502);
    assert.ok(ctx.emu.store.getUser("s1"));
  });

  it("sends truncated JSON with the original status", async () => {
    ctx.emu.faults.add([{ match: { path: "/user/new", times: 1 }, action: { malformedJson: true }, when: "after" }]);
    const res = await post(ctx.emu, "/user/new", { user_id: "m1" });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("content-type"), "application/json");
    assert.equal(res.body, undefined, "the body does not parse");
    assert.ok(ctx.emu.store.getUser("m1"));
  });

  it("hangs for hangMs and then drops the connection", async () => {
    ctx.emu.faults.add([{ match: { path: "/user/new", times: 1 }, action: { hangMs: 30 } }]);
    assert.deepEqual(await attempt(ctx.emu.url, { user_id: "h1" }), { failed: true });
    assert.equal(ctx.emu.store.users.size, 0);
  });

  it("hangs forever after processing: state changes while the client still waits", async () => {
    ctx.emu.faults.add([{ match: { path: "/user/new", times: 1 }, action: { hangMs: 0 }, when: "after" }]);
    const abort = new AbortController();
    let settled = false;
    const pending = attempt(ctx.emu.url, { user_id: "h2" }, abort.signal).finally(() => (settled = true));
    await until(() => ctx.emu.store.getUser("h2") !== undefined);
    assert.equal(settled, false, "no answer was sent");
    abort.abort();
    assert.deepEqual(await pending, { failed: true });
  });

  it("delays before processing: nothing has happened while the delay runs", async () => {
    const emu = await startEmulator();
    try {
      emu.faults.add([{ match: { path: "/user/new" }, action: { latencyMs: 60_000 } }]);
      const pending = attempt(emu.url, { user_id: "slow" });
      await until(() => emu.faults.list()[0]!.hits === 1);
      assert.equal(emu.store.users.size, 0);
      await emu.close();
      assert.deepEqual(await pending, { failed: true }, "close() drops delayed requests");
    } finally {
      await emu.close();
    }
  });

  it("lets a latency-only rule pass the real answer through and records which rule fired", async () => {
    const [rule] = ctx.emu.faults.add([{ match: { path: "/user/new", times: 1 }, action: { latencyMs: 5, headers: { "x-fault": "yes" } } }]);
    const res = await post(ctx.emu, "/user/new", { user_id: "l1" });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("x-fault"), "yes");
    assert.equal(ctx.emu.requests.entries().at(-1)!.faultId, rule!.id);
  });

  it("matches by method and by path prefix, never /_emulator/", async () => {
    ctx.emu.faults.add([{ match: { method: "get", path: "/user/*" }, action: { status: 418 } }]);
    assert.equal((await get(ctx.emu, "/user/info?user_id=x")).status, 418);
    assert.equal((await get(ctx.emu, "/user/list")).status, 418);
    assert.equal((await post(ctx.emu, "/user/new", {})).status, 200);
    assert.equal((await get(ctx.emu, "/health/liveliness")).status, 200);
    assert.equal((await get(ctx.emu, "/_emulator/state")).status, 200);
  });

  it("draws probabilities from a seeded generator, so a seed repeats the same pattern", async () => {
    const pattern = async (seed: number) => {
      const emu = await startEmulator({ seed });
      try {
        emu.faults.add([{ match: { probability: 0.5 }, action: { status: 503 } }]);
        const statuses: number[] = [];
        for (let i = 0; i < 24; i++) statuses.push((await get(emu, "/health/liveliness")).status);
        return statuses;
      } finally {
        await emu.close();
      }
    };
    const a = await pattern(42);
    assert.deepEqual(await pattern(42), a);
    assert.ok(a.includes(200) && a.includes(503), "both outcomes occur");
    ctx.emu.faults.add([{ match: { probability: 0 }, action: { status: 503 } }]);
    for (let i = 0; i < 5; i++) assert.equal((await get(ctx.emu, "/health/liveliness")).status, 200);
  });

  it("is controllable over HTTP with the master key", async () => {
    const added = await post(ctx.emu, "/_emulator/faults", [{ match: { path: "/user/list", times: 2 }, action: { status: 429 } }]);
    assert.equal(added.status, 200);
    assert.equal(added.body.faults.length, 1);
    assert.equal(added.body.faults[0].remaining, 2);
    assert.equal((await get(ctx.emu, "/user/list")).status, 429);
    assert.equal((await get(ctx.emu, "/_emulator/faults")).body.faults[0].remaining, 1);
    assert.deepEqual((await call(ctx.emu, "DELETE", "/_emulator/faults")).body, { faults: [] });
    assert.equal((await get(ctx.emu, "/user/list")).status, 200);

    const seeded = await post(ctx.emu, "/_emulator/faults", { seed: 7, rules: [{ action: { latencyMs: 1 } }] });
    assert.equal(seeded.body.faults.length, 1);
    const typo = await post(ctx.emu, "/_emulator/faults", [{ action: { statsu: 500 } }]);
    assert.equal(typo.status, 400);
    assert.match(typo.body.detail, /unknown field "statsu"/);
    assert.equal((await post(ctx.emu, "/_emulator/faults", [{ action: { status: 500 } }], {})).status, 401);
    const user = await post(ctx.emu, "/user/new", { user_role: "proxy_admin" });
    assert.equal((await get(ctx.emu, "/_emulator/faults", { authorization: `Bearer ${user.body.key}` })).status, 401, "only the master key");
  });
});
