import { test } from "node:test";
import assert from "node:assert/strict";
import { isOwnedMetadataKey, ownedKeysIn } from "./owned-metadata";
import { metadataArguments } from "./metadata-attributes";
import { budgetStateFromServer, budgetsEquivalent, nativeBudget } from "./zero-budget";

test("LiteLLM's owned keys: named in a configuration's metadata, they are refused; the ones with an argument are owned", () => {
  assert.deepEqual(ownedKeysIn({ tags: [], owner: "x", model_tpm_limit: {} }), ["tags", "model_tpm_limit"]);
  assert.ok(isOwnedMetadataKey("service_account_id"));
  assert.ok(!isOwnedMetadataKey("department"));
  assert.deepEqual(metadataArguments, ["guardrails", "tags", "model_rpm_limit", "model_tpm_limit"]);
  for (const a of metadataArguments) assert.ok(isOwnedMetadataKey(a), a);
});

test("budget 0 is unlimited; a 0.0 budget on the server is a $0 cap, null in state", () => {
  assert.equal(nativeBudget(0), null);
  assert.equal(nativeBudget(12.5), 12.5);
  assert.equal(budgetStateFromServer(null), 0);
  assert.equal(budgetStateFromServer(0), null);
  assert.equal(budgetStateFromServer(7), 7);
  assert.ok(budgetsEquivalent(0, 0));
  assert.ok(!budgetsEquivalent(0, null));
  assert.ok(budgetsEquivalent(null, null));
});
