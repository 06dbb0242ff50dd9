// Each kind of transient fault, through real terraform: the first requests of an apply (refresh, update, read
// back) meet the fault, the provider retries, the apply succeeds, and state holds exactly what LiteLLM has.
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import type { FaultAction } from "../../provider/emulator";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import type { Workspace } from "../support/terraform";
import { recordScenario } from "./support/report";
import { lostCount, providerHcl, reconcile, usersInState, workspaceFor } from "./support/workspace";

let emu: TestEmulator;
let ws: Workspace;

const config = (budget: number) => `${providerHcl({ request_timeout: 1 })}
resource "litellm_user" "u" {
  user_email      = "transient@example.com"
  max_budget      = ${budget}
  auto_create_key = true
}
`;

before(async () => {
  emu = await startTestEmulator();
  ws = workspaceFor(emu, { "main.tf": config(1) });
  await ws.ok(["apply", "-auto-approve"]);
});
after(async () => {
  await ws.ok(["destroy", "-auto-approve"]);
  assert.equal(emu.store.users.size, 0);
  ws.dispose();
  await emu.close();
});

const faults: { name: string; action: FaultAction; when?: "before" | "after" }[] = [
  { name: "HTTP 429 with Retry-After: 1", action: { status: 429, headers: { "Retry-After": "1" } } },
  { name: "HTTP 502", action: { status: 502 } },
  { name: "HTTP 503", action: { status: 503 } },
  { name: "HTTP 504", action: { status: 504 } },
  { name: "connection reset before processing", action: { reset: true } },
  { name: "connection reset after processing", action: { reset: true }, when: "after" },
  { name: "truncated JSON after processing", action: { malformedJson: true }, when: "after" },
  { name: "answer held past request_timeout (1 s) after processing", action: { hangMs: 0 }, when: "after" },
  { name: "2 s of latency (beyond request_timeout)", action: { latencyMs: 2000 } },
];

let budget = 1;
for (const [i, fault] of faults.entries()) {
  it(`${fault.name}: retried, applied, state true to LiteLLM`, async () => {
    budget++;
    ws.write({ "main.tf": config(budget) });
    // The first two LiteLLM calls of the apply (the refresh and the update) meet the fault.
    emu.faults.add([{ match: { path: "/user/*", times: 2 }, action: fault.action, when: fault.when ?? "before" }]);
    await ws.ok(["apply", "-auto-approve", "-no-color"]);
    assert.deepEqual(emu.faults.list(), [], "both faults were met (the rule is used up)");

    const state = await usersInState(ws);
    const r = reconcile(emu, state);
    assert.equal(lostCount(r), 0, JSON.stringify(r));
    assert.equal(state[0].values.max_budget, budget);
    assert.equal(emu.store.getUser(String(state[0].values.user_id))!.max_budget, budget);
    await ws.ok(["plan", "-detailed-exitcode"], 0);
    recordScenario({
      id: `1.${i + 1}`,
      scenario: `Update during a transient fault: ${fault.name}`,
      faults: `${fault.name}, on the first 2 requests to /user/*`,
      outcome: "retried; apply succeeded; state equals LiteLLM; next plan clean",
      lost: lostCount(r),
    });
  });
}
