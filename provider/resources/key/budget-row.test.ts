// The key's private state: the duration mark and the owned budget row live side by side, and ownership is
// only ever the row still linked.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ownedBudget } from "./budget-row";
import { readKeyPrivate, writeKeyPrivate } from "./private-state";
import { durationReadMark, isDurationRead } from "./duration";

describe("key private state", () => {
  it("keeps the duration mark beside the owned row, and is empty with neither", () => {
    const both = writeKeyPrivate({ ...readKeyPrivate(durationReadMark()), own_budget: "b1" });
    assert.equal(isDurationRead(both), true);
    assert.equal(ownedBudget(both, "b1"), "b1");
    assert.equal(writeKeyPrivate({ own_budget: undefined }).length, 0);
    assert.deepEqual(readKeyPrivate(new Uint8Array()), {});
    assert.deepEqual(readKeyPrivate(new TextEncoder().encode("not json")), {});
  });

  it("owns a row only while it is the one linked: an import (no mark) or another budget_id owns none", () => {
    const priv = writeKeyPrivate({ own_budget: "b1" });
    assert.equal(ownedBudget(priv, "b2"), null);
    assert.equal(ownedBudget(priv, null), null);
    assert.equal(ownedBudget(durationReadMark(), "b1"), null);
  });
});
