// The client against the emulator with injected faults: what is retried, what is not, and for how long.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isLiteLLMError, type LiteLLMError } from "./errors";
import { parseRetryAfter } from "./http";
import { closedPort, failure, useClientFixture } from "./litellm.test-support";

const fx = useClientFixture();

async function seedUser(userId = "u-1"): Promise<string> {
  await fx.client().newUser({ user_id: userId, user_email: `${userId}@example.com`, auto_create_key: false });
  fx.emu.requests.clear();
  return userId;
}

function asLiteLLMError(e: Error): LiteLLMError {
  assert.ok(isLiteLLMError(e), `expected a LiteLLMError, got ${e.name}: ${e.message}`);
  return e;
}

describe("retryable faults are retried", () => {
  const cases: { name: string; action: Record<string, unknown> }[] = [
    { name: "429", action: { status: 429 } },
    { name: "502", action: { status: 502 } },
    { name: "503", action: { status: 503 } },
    { name: "504", action: { status: 504 } },
    { name: "a reset connection", action: { reset: true } },
    { name: "truncated JSON on a 200", action: { status: 200, malformedJson: true } },
  ];
  for (const c of cases) {
    it(`GET /user/info after ${c.name}`, async () => {
      const userId = await seedUser();
      fx.faults({ match: { method: "GET", path: "/user/info", times: 1 }, action: c.action });
      const info = await fx.client().userInfo(userId);
      assert.equal(info?.user.user_id, userId);
      const seen = fx.requestsTo("GET", "/user/info");
      assert.equal(seen.length, 2, "one failed attempt, one retry");
      assert.notEqual(seen[0].faultId, null);
      assert.equal(seen[1].status, 200);
    });
  }

  it("a request held past request_timeout is abandoned and retried", async () => {
    const userId = await seedUser();
    fx.faults({ match: { path: "/user/info", times: 1 }, action: { hangMs: 0 } });
    const started = Date.now();
    const info = await fx.client({ timeoutMs: 200 }).userInfo(userId);
    assert.equal(info?.user.user_id, userId);
    assert.ok(Date.now() - started >= 200, "the first attempt waited for the timeout");
    assert.deepEqual(
      fx.requestsTo("GET", "/user/info").map((r) => r.outcome),
      ["hang", "response"],
    );
  });

  it("a connection refused is retried and then explained", async () => {
    const port = await closedPort();
    const e = asLiteLLMError(await failure(fx.client({ apiBase: `http://127.0.0.1:${port}`, retry: { maxRetries: 2 } }).userInfo("u")));
    assert.equal(e.status, 0);
    assert.match(e.message, /connection refused/);
    assert.match(e.message, /gave up after 3 attempts/);
    assert.equal(e.mayHaveActed, false, "a refused connection never reached LiteLLM");
  });
});

describe("Retry-After", () => {
  it("is honoured in seconds even when the backoff would be shorter", async () => {
    const userId = await seedUser();
    fx.faults({ match: { path: "/user/info", times: 1 }, action: { status: 429, headers: { "Retry-After": "1" } } });
    const started = Date.now();
    await fx.client({ retry: { baseDelayMs: 1, maxDelayMs: 1 } }).userInfo(userId);
    assert.ok(Date.now() - started >= 1000, "waited at least the second LiteLLM asked for");
    assert.equal(fx.requestsTo("GET", "/user/info").length, 2);
  });

  it("is honoured as an HTTP date", async () => {
    const userId = await seedUser();
    // HTTP dates have whole seconds: two seconds ahead means at least one second of waiting.
    const at = new Date(Date.now() + 2000).toUTCString();
    fx.faults({ match: { path: "/user/info", times: 1 }, action: { status: 503, headers: { "Retry-After": at } } });
    const started = Date.now();
    await fx.client({ retry: { baseDelayMs: 1, maxDelayMs: 1 } }).userInfo(userId);
    assert.ok(Date.now() - started >= 1000);
  });

  it("beyond the retry budget fails at once with a clear error", async () => {
    fx.faults({ match: { path: "/user/info" }, action: { status: 429, headers: { "Retry-After": "3600" } } });
    const e = asLiteLLMError(await failure(fx.client({ retry: { maxTotalMs: 10_000 } }).userInfo("u-1")));
    assert.equal(e.status, 429);
    assert.match(e.message, /asked to retry after 3600 s, beyond the 10 s retry budget/);
    assert.equal(fx.requestsTo("GET", "/user/info").length, 1);
  });

  it("parses seconds, dates and rubbish", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    assert.equal(parseRetryAfter("5", now), 5000);
    assert.equal(parseRetryAfter("0", now), 0);
    assert.equal(parseRetryAfter("-3", now), 0);
    assert.equal(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now), 30_000);
    assert.equal(parseRetryAfter("Wed, 31 Dec 2025 00:00:00 GMT", now), 0, "a date in the past means now");
    assert.equal(parseRetryAfter("soon", now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
  });
});

describe("faults that are not retried", () => {
  for (const status of [400, 401, 403, 422, 500]) {
    it(`HTTP ${status} fails after one attempt`, async () => {
      fx.faults({ match: { path: "/user/info" }, action: { status } });
      const e = asLiteLLMError(await failure(fx.client().userInfo("u-1")));
      assert.equal(e.status, status);
      assert.match(e.message, new RegExp(`LiteLLM answered ${status} to GET /user/info`));
      assert.equal(fx.requestsTo("GET", "/user/info").length, 1);
    });
  }

  it("a reset on a call that is not idempotent is not repeated, and says it may have acted", async () => {
    fx.faults({ match: { path: "/key/generate" }, action: { reset: true }, when: "after" });
    const e = asLiteLLMError(await failure(fx.client().generateKey({ user_id: "u-1" })));
    assert.equal(e.status, 0);
    assert.equal(e.mayHaveActed, true);
    assert.equal(fx.requestsTo("POST", "/key/generate").length, 1);
    assert.equal(fx.emu.store.keys.size, 1, "the key was minted; the caller learns that it may have been");
  });

  it("a 503 on a call that is not idempotent is retried: LiteLLM turned it away", async () => {
    fx.faults({ match: { path: "/key/generate", times: 2 }, action: { status: 503 } });
    const { key } = await fx.client().generateKey({ user_id: "u-1" });
    assert.match(key, /^sk-/);
    assert.equal(fx.requestsTo("POST", "/key/generate").length, 3);
    assert.equal(fx.emu.store.keys.size, 1, "exactly one key");
  });

  it("a 502 on a call that is not idempotent is not repeated: the proxy behind may have acted", async () => {
    fx.faults({ match: { path: "/key/generate" }, action: { status: 502 }, when: "after" });
    const e = asLiteLLMError(await failure(fx.client().generateKey({ user_id: "u-1" })));
    assert.equal(e.status, 502);
    assert.equal(e.mayHaveActed, true);
    assert.equal(fx.requestsTo("POST", "/key/generate").length, 1);
  });
});

describe("bounded retries", () => {
  it("stop after max_retries", async () => {
    fx.faults({ match: { path: "/user/info" }, action: { status: 503 } });
    const e = asLiteLLMError(await failure(fx.client({ retry: { maxRetries: 2 } }).userInfo("u-1")));
    assert.equal(e.status, 503);
    assert.match(e.message, /gave up after 3 attempts/);
    assert.equal(fx.requestsTo("GET", "/user/info").length, 3);
  });

  it("max_retries = 0 makes one attempt", async () => {
    fx.faults({ match: { path: "/user/info" }, action: { status: 503 } });
    await failure(fx.client({ retry: { maxRetries: 0 } }).userInfo("u-1"));
    assert.equal(fx.requestsTo("GET", "/user/info").length, 1);
  });

  it("stop when the total time is spent, however many retries are allowed", async () => {
    fx.faults({ match: { path: "/user/info" }, action: { status: 503 } });
    const started = Date.now();
    const client = fx.client({ retry: { maxRetries: 10_000, baseDelayMs: 20, maxDelayMs: 20, maxTotalMs: 300 } });
    const e = asLiteLLMError(await failure(client.userInfo("u-1")));
    assert.ok(Date.now() - started >= 300);
    assert.match(e.message, /gave up after \d+ attempts in \d+ s/);
    const attempts = fx.requestsTo("GET", "/user/info").length;
    assert.ok(attempts > 1 && attempts < 10_000, `${attempts} attempts within the budget`);
  });

  it("a hang on every attempt fails with the timeout explained", async () => {
    fx.faults({ match: { path: "/user/info" }, action: { hangMs: 0 } });
    const e = asLiteLLMError(await failure(fx.client({ timeoutMs: 100, retry: { maxRetries: 1 } }).userInfo("u-1")));
    assert.equal(e.status, 0);
    assert.match(e.message, /no answer within request_timeout/);
    assert.match(e.message, /raise request_timeout/);
    assert.equal(fx.requestsTo("GET", "/user/info").length, 2);
  });
});

describe("malformed JSON", () => {
  it("on every attempt gives a clear error", async () => {
    fx.faults({ match: { path: "/user/info" }, action: { status: 200, malformedJson: true } });
    const e = asLiteLLMError(await failure(fx.client({ retry: { maxRetries: 1 } }).userInfo("u-1")));
    assert.match(e.message, /GET \/user\/info: the answer is not valid JSON \(truncated or corrupted on the way\)/);
    assert.doesNotMatch(e.message, /truncat"|\{"error/, "the broken body itself is not quoted");
  });

  it("in an error answer keeps the status and says the body was broken", async () => {
    fx.faults({ match: { path: "/user/info" }, action: { status: 500, malformedJson: true } });
    const e = asLiteLLMError(await failure(fx.client().userInfo("u-1")));
    assert.equal(e.status, 500);
    assert.match(e.message, /LiteLLM answered 500 to GET \/user\/info: the answer is not valid JSON/);
  });

  it("after a key was minted is not repeated", async () => {
    fx.faults({ match: { path: "/key/generate" }, action: { malformedJson: true }, when: "after" });
    const e = asLiteLLMError(await failure(fx.client().generateKey({ user_id: "u-1" })));
    assert.equal(e.mayHaveActed, true);
    assert.equal(fx.requestsTo("POST", "/key/generate").length, 1);
  });

  it("a page that is not JSON at all points at api_base", async () => {
    fx.faults({ match: { path: "/user/info" }, action: { status: 200, body: "<html>welcome</html>" } });
    // The fault's body is sent as a JSON string; a real HTML page is text. Both are not a JSON object.
    const e = await failure(fx.client().userInfo("u-1"));
    assert.match(e.message, /Is api_base a LiteLLM proxy\?/);
  });
});
