import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DurationError, keyExpiry, nextBudgetReset, pythonIso } from "./time";

// Wednesday 11 March 2026, 10:20:30.500 UTC
const NOW = Date.UTC(2026, 2, 11, 10, 20, 30, 500);
const at = (...parts: [number, number, number?, number?, number?, number?]) => Date.UTC(...(parts as [number, number, number, number, number, number]));

describe("budget_reset_at (standardised resets)", () => {
  const cases: [string, number][] = [
    ["1s", at(2026, 2, 11, 10, 20, 31)],
    ["15s", at(2026, 2, 11, 10, 20, 45)],
    ["45s", at(2026, 2, 11, 10, 20, 45)],
    ["90s", at(2026, 2, 11, 10, 21, 0)],
    ["1m", at(2026, 2, 11, 10, 21)],
    ["15m", at(2026, 2, 11, 10, 30)],
    ["45m", at(2026, 2, 11, 10, 45)],
    ["1h", at(2026, 2, 11, 11)],
    ["4h", at(2026, 2, 11, 12)],
    ["12h", at(2026, 2, 11, 12)],
    ["24h", at(2026, 2, 12)],
    ["1d", at(2026, 2, 12)],
    ["7d", at(2026, 2, 16)],
    ["1w", at(2026, 2, 16)],
    ["30d", at(2026, 3, 1)],
    ["1mo", at(2026, 3, 1)],
    ["3d", at(2026, 2, 14)],
    ["2w", at(2026, 2, 25)],
    ["0d", NOW],
    ["0s", NOW],
    ["abc", at(2026, 2, 12)],
    ["1D", at(2026, 2, 12)],
    ["", at(2026, 2, 12)],
  ];
  for (const [duration, expected] of cases) {
    it(`${JSON.stringify(duration)} → ${pythonIso(expected)}`, () => {
      assert.equal(pythonIso(nextBudgetReset(duration, NOW)), pythonIso(expected));
    });
  }

  it("moves to the next boundary when now is exactly on one", () => {
    assert.equal(nextBudgetReset("1h", at(2026, 2, 11, 10)), at(2026, 2, 11, 11));
    assert.equal(nextBudgetReset("7d", at(2026, 2, 16)), at(2026, 2, 23), "Monday → next Monday");
    assert.equal(nextBudgetReset("1mo", at(2026, 11, 31, 23)), at(2027, 0, 1), "December → January");
  });

  it("refuses 2mo and more", () => {
    assert.throws(() => nextBudgetReset("2mo", NOW), DurationError);
    assert.throws(() => nextBudgetReset("12mo", NOW), DurationError);
  });
});

describe("key duration", () => {
  it("adds seconds, minutes, hours, days and weeks", () => {
    assert.equal(keyExpiry("30s", NOW), NOW + 30_000);
    assert.equal(keyExpiry("5m", NOW), NOW + 300_000);
    assert.equal(keyExpiry("2h", NOW), NOW + 7_200_000);
    assert.equal(keyExpiry("1d", NOW), NOW + 86_400_000);
    assert.equal(keyExpiry("1w", NOW), NOW + 7 * 86_400_000);
    assert.equal(keyExpiry("3dx", NOW), NOW + 3 * 86_400_000, "re.match ignores trailing text");
  });

  it("adds calendar months, clamping the day", () => {
    assert.equal(keyExpiry("1mo", at(2026, 0, 31, 9)), at(2026, 1, 28, 9));
    assert.equal(keyExpiry("13mo", NOW), at(2027, 3, 11, 10, 20, 30) + 500);
  });

  it("raises LiteLLM's messages for bad input", () => {
    assert.throws(() => keyExpiry("abc", NOW), { message: "Invalid duration format" });
    assert.throws(() => keyExpiry("10", NOW), { message: "Unsupported duration unit" });
    assert.throws(() => keyExpiry("1y", NOW), { message: "Unsupported duration unit" });
  });
});

describe("pythonIso", () => {
  it("prints microseconds only when they are not zero", () => {
    assert.equal(pythonIso(NOW), "2026-03-11T10:20:30.500000+00:00");
    assert.equal(pythonIso(at(2026, 2, 11)), "2026-03-11T00:00:00+00:00");
  });
});
