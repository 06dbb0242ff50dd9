import { test } from "node:test";
import assert from "node:assert/strict";
import { isUnknown, newObject, type TfValue } from "../../values/value";
import { isOwnedMetadataKey, mergeMetadata, ownedKeysIn, splitMetadata } from "./owned-metadata";
import { managedMetadata, metadataArgumentsFromServer } from "./metadata-arguments";
import { planServerFilled, unappliedArguments } from "./server-filled";
import { budgetStateFromServer, budgetsEquivalent, nativeBudget } from "./zero-budget";

const obj = (o: Record<string, TfValue>) => newObject(Object.entries(o));

test("LiteLLM's owned keys are split off metadata and carried back on every send", () => {
  const server = { team: "a", tags: ["prod"], guardrails: ["pii"], team_member_budget_id: "b1", policies: ["p"] };
  const { user, owned } = splitMetadata(server);
  assert.deepEqual(user, { team: "a" });
  assert.deepEqual(owned, { tags: ["prod"], guardrails: ["pii"], team_member_budget_id: "b1", policies: ["p"] });
  // The user's metadata replaces its own part only; owned keys survive; a managed value sets or removes one.
  assert.deepEqual(mergeMetadata({ team: "b" }, owned, { tags: ["dev"], guardrails: null }), {
    tags: ["dev"],
    team_member_budget_id: "b1",
    policies: ["p"],
    team: "b",
  });
  assert.deepEqual(ownedKeysIn({ tags: [], owner: "x", model_tpm_limit: {} }), ["tags", "model_tpm_limit"]);
  assert.ok(isOwnedMetadataKey("service_account_id"));
  assert.ok(!isOwnedMetadataKey("department"));
});

test("owned-key arguments: left out means LiteLLM's value, empty removes the key", () => {
  assert.deepEqual(metadataArgumentsFromServer({ tags: ["a"], model_rpm_limit: { "gpt-4o": 10 } }), {
    guardrails: null,
    tags: ["a"],
    model_rpm_limit: obj({ "gpt-4o": 10 }),
    model_tpm_limit: null,
  });
  const config = obj({ guardrails: null, tags: [], model_rpm_limit: obj({ m: 5 }), model_tpm_limit: null });
  assert.deepEqual(managedMetadata(config, config), { tags: null, model_rpm_limit: { m: 5 } });
});

test("server-filled arguments: unknown on create, the prior value on update, never reported as unapplied", () => {
  const config = obj({ max_budget: null, models: ["a"] });
  const created = obj({ max_budget: 0, models: ["a"] });
  planServerFilled(config, null, created, ["max_budget", "models"]);
  assert.ok(isUnknown(created.max_budget));
  assert.deepEqual(created.models, ["a"]);
  const updated = obj({ max_budget: 0, models: ["a"] });
  planServerFilled(config, obj({ max_budget: 25, models: ["b"] }), updated, ["max_budget", "models"]);
  assert.equal(updated.max_budget, 25);
  const planned = obj({ max_budget: 25, models: ["a"], role: "user" });
  const after = obj({ max_budget: 30, models: ["b"], role: "admin" });
  assert.deepEqual(unappliedArguments(obj({ ...config, role: null }), planned, after, ["max_budget", "models", "role"], ["max_budget", "models"]), ["models", "role"]);
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
