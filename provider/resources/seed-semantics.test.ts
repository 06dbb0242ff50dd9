import { test } from "node:test";
import assert from "node:assert/strict";
import {
  budgetDurationPattern,
  budgetDurationsEquivalent,
  nativeBudgetDuration,
  nativeRole,
} from "./seed-semantics";
import { durationOfLifetime, sameDuration } from "./key/duration";
import { canonicalJson, jsonObjectText } from "../framework/declarative";

const jsonTextsEquivalent = (a: string, b: string) => jsonObjectText().equivalent!(a, b);

test("seed roles map to LiteLLM's native roles; native roles pass through", () => {
  assert.equal(nativeRole("admin"), "proxy_admin");
  assert.equal(nativeRole("user"), "internal_user");
  assert.equal(nativeRole("customer"), "internal_user");
  for (const r of ["proxy_admin", "proxy_admin_viewer", "internal_user", "internal_user_viewer"]) assert.equal(nativeRole(r), r);
});

test("seed budget periods map to LiteLLM durations", () => {
  assert.equal(nativeBudgetDuration("daily"), "1d");
  assert.equal(nativeBudgetDuration("weekly"), "7d");
  assert.equal(nativeBudgetDuration("monthly"), "1mo");
  assert.equal(nativeBudgetDuration("30m"), "30m");
});

test("budget_duration accepts the seed's words and LiteLLM's form, and nothing else", () => {
  const re = new RegExp(budgetDurationPattern);
  for (const ok of ["daily", "weekly", "monthly", "30s", "30m", "1h", "1d", "30d", "1mo", "2w"]) assert.ok(re.test(ok), ok);
  for (const bad of ["abc", "1D", "2mo", "12mo", "", "1 d", "d", "-1d", "1.5h", "yearly", "0d", "0s", "00h"]) assert.ok(!re.test(bad), bad);
});

test("equivalent budget durations", () => {
  assert.ok(budgetDurationsEquivalent("daily", "1d"));
  assert.ok(budgetDurationsEquivalent("weekly", "7d"));
  assert.ok(budgetDurationsEquivalent("weekly", "1w"));
  assert.ok(budgetDurationsEquivalent("monthly", "1mo"));
  assert.ok(budgetDurationsEquivalent("60m", "1h"));
  // LiteLLM resets both on the 1st of next month.
  assert.ok(budgetDurationsEquivalent("monthly", "30d"));
  assert.ok(budgetDurationsEquivalent("30d", "1mo"));
  assert.ok(!budgetDurationsEquivalent("monthly", "31d"));
  assert.ok(!budgetDurationsEquivalent("monthly", "4w"));
  assert.ok(!budgetDurationsEquivalent("daily", "7d"));
  // LiteLLM wraps an hour count past a day to the next day: every multiple of 24 hours resets daily at midnight.
  assert.ok(budgetDurationsEquivalent("24h", "1d"));
  assert.ok(budgetDurationsEquivalent("720h", "daily"));
  assert.ok(!budgetDurationsEquivalent("720h", "30d"));
  assert.ok(!budgetDurationsEquivalent("25h", "1d"));
  assert.ok(budgetDurationsEquivalent("25h", "49h"));
  // Minutes and seconds align to their own boundaries: only one hour and one minute have a second spelling.
  assert.ok(budgetDurationsEquivalent("60s", "1m"));
  assert.ok(!budgetDurationsEquivalent("1800s", "30m"));
  assert.ok(!budgetDurationsEquivalent("120m", "2h"));
  assert.ok(budgetDurationsEquivalent("030m", "30m"));
});

test("key lifetimes compare by seconds, months against 28-31 days", () => {
  assert.ok(sameDuration("30d", "720h"));
  assert.ok(sameDuration("1mo", "31d"));
  assert.ok(sameDuration("1mo", "28d"));
  assert.ok(!sameDuration("1mo", "27d"));
  assert.ok(!sameDuration("1h", "1d"));
  const lifetime = (seconds: number) => durationOfLifetime("2026-01-01T00:00:00Z", new Date(Date.parse("2026-01-01T00:00:00Z") + seconds * 1000).toISOString());
  assert.equal(lifetime(2592000), "30d");
  assert.equal(lifetime(5400), "90m");
  assert.equal(lifetime(3601), "3601s");
});

test("metadata compares as JSON objects: key order and whitespace do not matter", () => {
  assert.ok(jsonTextsEquivalent('{"a":1,"b":{"c":[1,2]}}', '{ "b": { "c": [1, 2] }, "a": 1.0 }'));
  assert.ok(!jsonTextsEquivalent('{"a":1}', '{"a":"1"}'));
  assert.ok(!jsonTextsEquivalent('{"a":[1,2]}', '{"a":[2,1]}'));
  assert.ok(!jsonTextsEquivalent("[1]", "[1]"), "arrays are not metadata");
  assert.equal(canonicalJson({ b: 1, a: { d: 2, c: 3 } }), '{"a":{"c":3,"d":2},"b":1}');
});
