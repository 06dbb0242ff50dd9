// A create whose answer is lost after LiteLLM acted, through real terraform: the retry's 409 is settled by reading
// the user, exactly one user exists, and the key minted by the lost attempt is replaced, never orphaned.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { startTestEmulator } from "../support/emulator";
import type { Workspace } from "../support/terraform";
import { plural, recordScenario } from "./support/report";
import { keyToken, lostCount, providerHcl, reconcile, usersInState, emulatorScenario } from "./support/workspace";

const scenario = emulatorScenario();

function userConfig(extra = ""): string {
  return `${providerHcl({ request_timeout: 2 })}
resource "litellm_user" "u" {
  user_email = "idempotent@example.com"
${extra}}
`;
}

function workspace(config: string): Workspace {
  const ws = scenario.workspace({ "main.tf": config });
  return ws;
}

/** How the emulator answered each POST /user/new: "reset", "hang" or the status. */
function userNewOutcomes(): string[] {
  return scenario.emu.requests
    .entries()
    .filter((r) => r.method === "POST" && r.path === "/user/new")
    .map((r) => (r.outcome === "response" ? String(r.status) : r.outcome));
}

describe("a retried create never makes a second user", () => {
  it("answer lost to a reset after the user was created", async () => {
    const ws = workspace(userConfig());
    scenario.emu.faults.add([{ match: { method: "POST", path: "/user/new", times: 1 }, action: { reset: true }, when: "after" }]);
    await ws.ok(["apply", "-auto-approve", "-no-color"]);

    assert.deepEqual(userNewOutcomes(), ["reset", "409"], "the retry met the user the first attempt created");
    const state = await usersInState(ws);
    assert.equal(state.length, 1);
    assert.equal(scenario.emu.store.users.size, 1, "exactly one user");
    assert.equal(state[0].values.user_id, [...scenario.emu.store.users.keys()][0]);
    assert.equal(state[0].tainted, false);
    const r = reconcile(scenario.emu, state);
    assert.equal(lostCount(r), 0, JSON.stringify(r));
    await ws.ok(["plan", "-detailed-exitcode"], 0);
    recordScenario({
      id: "2.1",
      scenario: "Create; the answer to `/user/new` is lost after LiteLLM created the user",
      faults: "reset after processing, once, on POST /user/new",
      outcome: `retry got 409, settled by reading the user; ${plural(scenario.emu.store.users.size, "user")} on LiteLLM; next plan clean`,
      lost: lostCount(r),
    });
  });

  it("with auto_create_key, the key minted by the lost attempt is replaced and none is orphaned", async () => {
    const ws = workspace(userConfig(`  auto_create_key = true\n  key_alias = "idempotent-key"\n`));
    scenario.emu.faults.add([{ match: { method: "POST", path: "/user/new", times: 1 }, action: { reset: true }, when: "after" }]);
    await ws.ok(["apply", "-auto-approve", "-no-color"]);

    assert.deepEqual(userNewOutcomes(), ["reset", "409"]);
    const [instance] = await usersInState(ws);
    assert.equal(scenario.emu.store.users.size, 1);
    const key = instance.values.key;
    assert.equal(typeof key, "string");
    const userId = String(instance.values.user_id);
    const keys = scenario.emu.store.keysOfUser(userId);
    assert.equal(keys.length, 1, "one key: the lost one was deleted");
    assert.equal(keys[0].token, keyToken(key as string), "and it is the key state holds");
    assert.equal(keys[0].key_alias, "idempotent-key");
    assert.equal(scenario.emu.store.keys.size, 1, "no key anywhere else");
    const r = reconcile(scenario.emu, [instance]);
    assert.equal(lostCount(r), 0, JSON.stringify(r));
    await ws.ok(["plan", "-detailed-exitcode"], 0);
    recordScenario({
      id: "2.2",
      scenario: "Create with `auto_create_key`; the answer (and the key in it) is lost after LiteLLM acted",
      faults: "reset after processing, once, on POST /user/new",
      outcome: `user settled by reading it; the unrecoverable key deleted and a new one issued; ${plural(scenario.emu.store.keys.size, "key")} on LiteLLM, held by state`,
      lost: lostCount(r),
    });
  });

  it("answer held past request_timeout after the user was created", async () => {
    const ws = workspace(userConfig());
    scenario.emu.faults.add([{ match: { method: "POST", path: "/user/new", times: 1 }, action: { hangMs: 0 }, when: "after" }]);
    await ws.ok(["apply", "-auto-approve", "-no-color"]);

    assert.deepEqual(userNewOutcomes(), ["hang", "409"]);
    const state = await usersInState(ws);
    const r = reconcile(scenario.emu, state);
    assert.equal(scenario.emu.store.users.size, 1);
    assert.equal(lostCount(r), 0, JSON.stringify(r));
    recordScenario({
      id: "2.3",
      scenario: "Create; LiteLLM creates the user but holds the answer past `request_timeout`",
      faults: "hang after processing, once, on POST /user/new (request_timeout = 2 s)",
      outcome: `timed out, retried, 409 settled by reading the user; ${plural(scenario.emu.store.users.size, "user")}`,
      lost: lostCount(r),
    });
  });

  it("LiteLLM up to 1.80.7 (400 for the duplicate email): the same, key included", async () => {
    const legacy = await startTestEmulator({ legacy: true });
    try {
      const ws = scenario.workspace({ "main.tf": userConfig(`  auto_create_key = true\n`) }, legacy);
      legacy.faults.add([{ match: { method: "POST", path: "/user/new", times: 1 }, action: { reset: true }, when: "after" }]);
      await ws.ok(["apply", "-auto-approve", "-no-color"]);
      const statuses = legacy.requests.entries().filter((r) => r.path === "/user/new").map((r) => r.status);
      assert.deepEqual(statuses, [null, 400]);
      const state = await usersInState(ws);
      const r = reconcile(legacy, state);
      assert.equal(legacy.store.users.size, 1);
      assert.equal(legacy.store.keys.size, 1);
      assert.equal(lostCount(r), 0, JSON.stringify(r));
      await ws.ok(["plan", "-detailed-exitcode"], 0);
      recordScenario({
        id: "2.4",
        scenario: "As 2.2, against a LiteLLM ≤ 1.80.7 (duplicate email answered 400, not 409)",
        faults: "reset after processing, once, on POST /user/new (emulator --legacy)",
        outcome: `400 on the retry settled by reading the user; ${plural(legacy.store.users.size, "user")}, ${plural(legacy.store.keys.size, "key")}, held by state`,
        lost: lostCount(r),
      });
    } finally {
      await legacy.close();
    }
  });

  it("a real conflict after a retry is still reported as one", async () => {
    const ws = workspace(userConfig());
    await createOutOfBand("someone-else", "idempotent@example.com");
    scenario.emu.requests.clear();
    scenario.emu.faults.add([{ match: { method: "POST", path: "/user/new", times: 1 }, action: { reset: true }, when: "before" }]);
    const r = await ws.ok(["apply", "-auto-approve", "-no-color"], 1);
    assert.match(r.stderr, /User Already Exists/);
    assert.deepEqual(userNewOutcomes(), ["reset", "409"]);
    assert.equal((await usersInState(ws)).length, 0, "nothing of someone else's in state");
    assert.equal(scenario.emu.store.users.size, 1);
  });
});

/** A user created by someone else, straight through the API. */
async function createOutOfBand(userId: string, email: string): Promise<void> {
  const res = await fetch(`${scenario.emu.url}/user/new`, {
    method: "POST",
    headers: { Authorization: `Bearer ${scenario.emu.masterKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({ user_id: userId, user_email: email, auto_create_key: false }),
  });
  assert.equal(res.status, 200);
}
