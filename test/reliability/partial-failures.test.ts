// Partial failures through real terraform, each checked against the emulator's store: whatever failed, state
// ends up holding what LiteLLM has, and no user is left on LiteLLM that state does not know.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Workspace } from "../support/terraform";
import { recordScenario } from "./support/report";
import { lostCount, providerHcl, reconcile, usersInState, emulatorScenario, type StateInstance } from "./support/workspace";

const scenario = emulatorScenario();

function config(maxBudget: number): string {
  return `${providerHcl({ max_retries: 1, request_timeout: 5 })}
resource "litellm_user" "u" {
  user_email = "partial@example.com"
  max_budget = ${maxBudget}
}
`;
}

function workspace(maxBudget = 10): Workspace {
  const ws = scenario.workspace({ "main.tf": config(maxBudget) });
  return ws;
}

/** State and LiteLLM agree: the same users, with the same email and budget. */
async function assertStateIsServer(ws: Workspace): Promise<{ state: StateInstance[]; lost: number }> {
  const state = await usersInState(ws);
  const r = reconcile(scenario.emu, state);
  assert.deepEqual(r, { orphanUsers: [], missingUsers: [], orphanKeys: [] }, "state and LiteLLM hold the same users");
  for (const s of state) {
    const row = scenario.emu.store.getUser(String(s.values.user_id))!;
    assert.equal(s.values.user_email, row.user_email);
    assert.equal(s.values.max_budget, row.max_budget, "state's max_budget is LiteLLM's");
  }
  return { state, lost: lostCount(r) };
}

describe("partial failures leave state true to LiteLLM", () => {
  it("created, but reading the user back failed: the user is in state", async () => {
    const ws = workspace();
    scenario.emu.faults.add([{ match: { method: "GET", path: "/user/info" }, action: { status: 500 } }]);
    const r = await ws.ok(["apply", "-auto-approve", "-no-color"]);
    assert.match(r.stdout + r.stderr, /User Not Read Back/);
    scenario.emu.faults.clear();
    const { state, lost } = await assertStateIsServer(ws);
    assert.equal(state.length, 1);
    assert.equal(scenario.emu.store.users.size, 1);
    await ws.ok(["plan", "-detailed-exitcode"], 0);
    recordScenario({
      id: "3.1",
      scenario: "Create succeeds, reading the user back fails",
      faults: "HTTP 500 on every GET /user/info during the apply",
      outcome: "apply succeeds with a warning; the user is in state; the next plan reads it and is clean",
      lost,
    });
  });

  it("the create's answers are all lost after LiteLLM acted: the user is saved tainted, then replaced", async () => {
    const ws = workspace();
    scenario.emu.faults.add([{ match: { method: "POST", path: "/user/new" }, action: { reset: true }, when: "after" }]);
    const failed = await ws.ok(["apply", "-auto-approve", "-no-color"], 1);
    assert.match(failed.stderr, /Cannot Create User/);
    assert.match(failed.stderr, /tainted/, "the error says what happens next");
    scenario.emu.faults.clear();
    const { state } = await assertStateIsServer(ws);
    assert.equal(state.length, 1);
    assert.equal(state[0].tainted, true, "saved as tainted, so the next apply replaces it");
    const firstId = state[0].values.user_id;

    await ws.ok(["apply", "-auto-approve", "-no-color"]);
    const { state: replaced, lost } = await assertStateIsServer(ws);
    assert.equal(replaced.length, 1);
    assert.equal(replaced[0].tainted, false);
    assert.notEqual(replaced[0].values.user_id, firstId, "the tainted user was replaced");
    assert.equal(scenario.emu.store.users.size, 1);
    await ws.ok(["plan", "-detailed-exitcode"], 0);
    recordScenario({
      id: "3.2",
      scenario: "Create: LiteLLM creates the user, every answer is lost (retries exhausted)",
      faults: "reset after processing on every POST /user/new (max_retries = 1)",
      outcome: "apply fails; the user is saved tainted in state; the next apply replaces it; 1 user",
      lost,
    });
  });

  it("a create LiteLLM rejects leaves nothing behind", async () => {
    const ws = workspace();
    scenario.emu.faults.add([{ match: { method: "POST", path: "/user/new" }, action: { status: 400 } }]);
    const failed = await ws.ok(["apply", "-auto-approve", "-no-color"], 1);
    assert.match(failed.stderr, /Cannot Create User/);
    const { state, lost } = await assertStateIsServer(ws);
    assert.equal(state.length, 0);
    assert.equal(scenario.emu.store.users.size, 0);
    recordScenario({
      id: "3.3",
      scenario: "Create rejected by LiteLLM",
      faults: "HTTP 400 on POST /user/new",
      outcome: "apply fails; nothing in state, nothing on LiteLLM",
      lost,
    });
  });

  it("an update LiteLLM rejects leaves state at what LiteLLM has", async () => {
    const ws = workspace(10);
    await ws.ok(["apply", "-auto-approve"]);
    ws.write({ "main.tf": config(20) });
    scenario.emu.faults.add([{ match: { method: "POST", path: "/user/update" }, action: { status: 500 } }]);
    const failed = await ws.ok(["apply", "-auto-approve", "-no-color"], 1);
    assert.match(failed.stderr, /Cannot Update User/);
    scenario.emu.faults.clear();
    const { state, lost } = await assertStateIsServer(ws);
    assert.equal(state[0].values.max_budget, 10);
    assert.equal(state[0].tainted, false, "an update failure never taints");
    await ws.ok(["plan", "-detailed-exitcode"], 2);
    await ws.ok(["apply", "-auto-approve"]);
    assert.equal(scenario.emu.store.users.values().next().value!.max_budget, 20);
    recordScenario({
      id: "3.4",
      scenario: "Update rejected by LiteLLM",
      faults: "HTTP 500 on POST /user/update",
      outcome: "apply fails; state keeps LiteLLM's old value; the next apply makes the change",
      lost,
    });
  });

  it("an update that landed but whose answers were lost leaves state at the new value", async () => {
    const ws = workspace(10);
    await ws.ok(["apply", "-auto-approve"]);
    ws.write({ "main.tf": config(20) });
    scenario.emu.faults.add([{ match: { method: "POST", path: "/user/update" }, action: { reset: true }, when: "after" }]);
    const failed = await ws.ok(["apply", "-auto-approve", "-no-color"], 1);
    assert.match(failed.stderr, /Cannot Update User/);
    scenario.emu.faults.clear();
    const { state, lost } = await assertStateIsServer(ws);
    assert.equal(state[0].values.max_budget, 20, "read back from LiteLLM after the failure");
    await ws.ok(["plan", "-detailed-exitcode"], 0);
    recordScenario({
      id: "3.5",
      scenario: "Update applied by LiteLLM, every answer lost",
      faults: "reset after processing on every POST /user/update (max_retries = 1)",
      outcome: "apply fails; state re-read from LiteLLM holds the new value; the next plan is clean",
      lost,
    });
  });

  it("a failed delete keeps the user in state", async () => {
    const ws = workspace();
    await ws.ok(["apply", "-auto-approve"]);
    scenario.emu.faults.add([{ match: { method: "POST", path: "/user/delete" }, action: { status: 500 } }]);
    const failed = await ws.ok(["destroy", "-auto-approve", "-no-color"], 1);
    assert.match(failed.stderr, /Cannot Delete User/);
    scenario.emu.faults.clear();
    const { state, lost } = await assertStateIsServer(ws);
    assert.equal(state.length, 1);
    assert.equal(scenario.emu.store.users.size, 1);
    await ws.ok(["destroy", "-auto-approve"]);
    assert.equal(scenario.emu.store.users.size, 0);
    assert.equal((await usersInState(ws)).length, 0);
    recordScenario({
      id: "3.6",
      scenario: "Delete fails",
      faults: "HTTP 500 on POST /user/delete",
      outcome: "destroy fails; the user stays in state; the next destroy removes it",
      lost,
    });
  });

  it("a delete whose answer was lost after LiteLLM acted completes on the retry", async () => {
    const ws = workspace();
    await ws.ok(["apply", "-auto-approve"]);
    scenario.emu.faults.add([{ match: { method: "POST", path: "/user/delete", times: 1 }, action: { reset: true }, when: "after" }]);
    await ws.ok(["destroy", "-auto-approve", "-no-color"]);
    const { state, lost } = await assertStateIsServer(ws);
    assert.equal(state.length, 0);
    assert.equal(scenario.emu.store.users.size, 0);
    recordScenario({
      id: "3.7",
      scenario: "Delete applied by LiteLLM, the answer lost",
      faults: "reset after processing, once, on POST /user/delete",
      outcome: "retry gets 404, taken as already deleted; destroy succeeds; nothing left",
      lost,
    });
  });
});
