import { test } from "node:test";
import assert from "node:assert/strict";
import { masterKeyHeader } from "./client";

test("the master key goes in Authorization by default, or alone in the header the proxy names", () => {
  assert.deepEqual(masterKeyHeader("sk-1"), { Authorization: "Bearer sk-1" });
  assert.deepEqual(masterKeyHeader("sk-1", " "), { Authorization: "Bearer sk-1" });
  assert.deepEqual(masterKeyHeader("sk-1", "X-Litellm-Key"), { "X-Litellm-Key": "Bearer sk-1" });
});
