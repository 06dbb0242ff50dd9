// The client's promises beyond retries: cancelling, safe creates, and error text free of secrets.
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { describe, it } from "node:test";
import { startEmulator } from "../emulator";
import { isLiteLLMError, type LiteLLMError } from "./errors";
import { closedPort, failure, useClientFixture } from "./litellm.test-support";

const fx = useClientFixture();

/** Resolves once the emulator has seen `count` requests to the path. */
async function seen(path: string, count: number): Promise<void> {
  while (fx.emu.requests.entries().filter((r) => r.path === path).length < count) await new Promise((r) => setTimeout(r, 2));
}

function asLiteLLMError(e: Error): LiteLLMError {
  assert.ok(isLiteLLMError(e), `expected a LiteLLMError, got ${e.name}: ${e.message}`);
  return e;
}

// A cancel that did not work would leave these calls waiting for an hour; the test timeout turns that into a failure.
describe("StopProvider's abort", { timeout: 30_000 }, () => {
  it("cancels a Retry-After wait", async () => {
    fx.faults({ match: { path: "/user/info" }, action: { status: 429, headers: { "Retry-After": "3600" } } });
    const stop = new AbortController();
    const call = fx.client({ retry: { maxTotalMs: 7_200_000 } }).userInfo("u-1", stop.signal);
    await seen("/user/info", 1);
    stop.abort();
    const e = asLiteLLMError(await failure(call));
    assert.equal(e.isCancelled, true);
    assert.match(e.message, /cancelled because Terraform is stopping/);
    assert.equal(fx.requestsTo("GET", "/user/info").length, 1, "no attempt after the cancel");
  });

  it("cancels the backoff between attempts", async () => {
    fx.faults({ match: { path: "/user/info" }, action: { status: 503 } });
    const stop = new AbortController();
    const call = fx.client({ retry: { baseDelayMs: 3_600_000, maxDelayMs: 3_600_000, maxTotalMs: 7_200_000 } }).userInfo("u-1", stop.signal);
    await seen("/user/info", 1);
    stop.abort();
    assert.equal(asLiteLLMError(await failure(call)).isCancelled, true);
  });

  it("cancels a request in flight", async () => {
    fx.faults({ match: { path: "/user/new" }, action: { hangMs: 0 } });
    const stop = new AbortController();
    const call = fx.client({ timeoutMs: 3_600_000 }).newUser({ user_id: "u-1", user_email: "a@example.com", auto_create_key: false }, stop.signal);
    await seen("/user/new", 1);
    stop.abort();
    const e = asLiteLLMError(await failure(call));
    assert.equal(e.isCancelled, true);
    assert.equal(e.mayHaveActed, true, "the request had been sent: the caller must assume it may have landed");
  });

  it("an already aborted signal makes no request", async () => {
    const stop = new AbortController();
    stop.abort();
    await failure(fx.client().userInfo("u-1", stop.signal));
    assert.equal(fx.emu.requests.total(), 0);
  });
});

describe("creating a user is safe to retry", () => {
  it("an answer lost after the user was created is settled by reading the user", async () => {
    fx.faults({ match: { path: "/user/new", times: 1 }, action: { reset: true }, when: "after" });
    const created = await fx.client().newUser({ user_id: "u-lost", user_email: "lost@example.com", auto_create_key: true });
    assert.deepEqual(created, { user_id: "u-lost", key: "", retried: true });
    assert.deepEqual([...fx.emu.store.users.keys()], ["u-lost"], "exactly one user");
    assert.deepEqual(
      fx.requestsTo("POST", "/user/new").map((r) => [r.outcome, r.status]),
      [["reset", null], ["response", 409]],
    );
    assert.equal(fx.requestsTo("GET", "/user/info").length, 1);
    assert.equal(fx.emu.store.keysOfUser("u-lost").length, 1, "the lost answer's key exists; the caller replaces it");
  });

  it("LiteLLM up to 1.80.7 answers the retry with 400 for the email; reading the user settles that too", async () => {
    const legacy = await startEmulator({ port: 0, masterKey: fx.masterKey, legacy: true });
    try {
      legacy.faults.add([{ match: { path: "/user/new", times: 1 }, action: { reset: true }, when: "after" }]);
      const created = await fx.client({ apiBase: legacy.url }).newUser({ user_id: "u-old", user_email: "old@example.com", auto_create_key: false });
      assert.deepEqual(created, { user_id: "u-old", key: "", retried: true });
      const statuses = legacy.requests.entries().map((r) => `${r.path} ${r.status}`);
      assert.deepEqual(statuses, ["/user/new null", "/user/new 400", "/user/info 200"]);
      assert.equal(legacy.store.users.size, 1);
    } finally {
      await legacy.close();
    }
  });

  it("a conflict on a retry where no attempt landed is a real conflict", async () => {
    await fx.client().newUser({ user_id: "u-other", user_email: "taken@example.com", auto_create_key: false });
    fx.faults({ match: { path: "/user/new", times: 1 }, action: { reset: true }, when: "before" });
    const e = asLiteLLMError(await failure(fx.client().newUser({ user_id: "u-mine", user_email: "taken@example.com", auto_create_key: false })));
    assert.equal(e.status, 409);
    assert.equal(e.retried, false, "reading the user proved that no attempt landed");
    assert.match(e.message, /User with email taken@example.com already exists/);
    assert.deepEqual([...fx.emu.store.users.keys()], ["u-other"]);
  });

  it("a conflict on the first attempt is not questioned", async () => {
    await fx.client().newUser({ user_id: "u-1", user_email: "one@example.com", auto_create_key: false });
    const e = asLiteLLMError(await failure(fx.client().newUser({ user_id: "u-1", user_email: "two@example.com", auto_create_key: false })));
    assert.equal(e.status, 409);
    assert.equal(e.retried, false);
    assert.equal(fx.requestsTo("GET", "/user/info").length, 0);
  });

  it("without a user_id, a create is not repeated after a reset", async () => {
    fx.faults({ match: { path: "/user/new", times: 1 }, action: { reset: true }, when: "after" });
    const e = asLiteLLMError(await failure(fx.client().newUser({ user_email: "x@example.com", auto_create_key: false })));
    assert.equal(e.mayHaveActed, true);
    assert.equal(fx.requestsTo("POST", "/user/new").length, 1);
  });
});

describe("error text never carries a secret", () => {
  it("for every kind of failure", async () => {
    const userKey = "sk-user-" + "k".repeat(22);
    const cases: { name: string; run: () => Promise<unknown>; faults?: () => void }[] = [
      { name: "401", run: () => fx.client({ apiKey: fx.masterKey + "x" }).userInfo("u-1") },
      { name: "echoed master key", run: () => fx.client().userInfo("u-1"), faults: () => fx.faults({ action: { status: 500, body: { error: { message: `bad token Bearer ${fx.masterKey}` } } } }) },
      { name: "echoed user key", run: () => fx.client().userInfo("u-1"), faults: () => fx.faults({ action: { status: 400, body: { detail: `key ${userKey} is blocked` } } }) },
      { name: "echoed text", run: () => fx.client().userInfo("u-1"), faults: () => fx.faults({ action: { status: 502, body: `upstream said ${fx.masterKey}` } }) },
      { name: "reset", run: () => fx.client({ retry: { maxRetries: 0 } }).userInfo("u-1"), faults: () => fx.faults({ action: { reset: true } }) },
      { name: "timeout", run: () => fx.client({ timeoutMs: 50, retry: { maxRetries: 0 } }).userInfo("u-1"), faults: () => fx.faults({ action: { hangMs: 0 } }) },
      { name: "malformed", run: () => fx.client({ retry: { maxRetries: 0 } }).userInfo("u-1"), faults: () => fx.faults({ action: { malformedJson: true } }) },
      { name: "refused", run: async () => fx.client({ apiBase: `http://127.0.0.1:${await closedPort()}`, retry: { maxRetries: 0 } }).userInfo("u-1") },
      {
        name: "cancelled",
        run: () => {
          const stop = new AbortController();
          stop.abort();
          return fx.client().userInfo("u-1", stop.signal);
        },
      },
    ];
    for (const c of cases) {
      fx.emu.faults.clear();
      c.faults?.();
      const e = await failure(c.run());
      const texts = [e.message, String(e), e.stack ?? "", JSON.stringify(e), inspect(e, { depth: 20, showHidden: true })];
      for (const text of texts) {
        assert.ok(!text.includes(fx.masterKey), `${c.name}: the master key appears in ${text}`);
        assert.ok(!text.includes(userKey), `${c.name}: a user's key appears in ${text}`);
      }
    }
  });
});
