// Load: N users created with -parallelism=50 while the emulator answers 5% of requests with 503 and resets 1% of
// connections after acting. Every user is created exactly once, the next plan is clean, destroy empties LiteLLM.
// CI runs N = 60; `npm run bench:reliability` runs N = 500 (RELIABILITY_LOAD_USERS).
import assert from "node:assert/strict";
import { after, before, it } from "node:test";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import type { Workspace } from "../support/terraform";
import { recordScenario } from "./support/report";
import { lostCount, providerHcl, reconcile, usersInState, workspaceFor } from "./support/workspace";

const users = Number(process.env.RELIABILITY_LOAD_USERS ?? 60);
const seed = 20_260_501;

let emu: TestEmulator;
let ws: Workspace | undefined;
before(async () => {
  emu = await startTestEmulator();
});
after(async () => {
  ws?.dispose();
  await emu.close();
});

const config = `${providerHcl()}
resource "litellm_user" "load" {
  count      = ${users}
  user_email = "load-\${count.index}@example.com"
  user_alias = "load \${count.index}"
  max_budget = count.index % 7 + 1
}
`;

/** Fault hits so far: [503s, resets]. */
function faultHits(): { unavailable: number; resets: number; requests: number } {
  const entries = emu.requests.entries();
  return {
    unavailable: entries.filter((r) => r.faultId !== null && r.status === 503).length,
    resets: entries.filter((r) => r.faultId !== null && r.outcome === "reset").length,
    requests: entries.length,
  };
}

it(`${users} users with -parallelism=50 under 5% 503s and 1% resets`, { timeout: 30 * 60_000 }, async () => {
  assert.ok(Number.isInteger(users) && users > 0, "RELIABILITY_LOAD_USERS must be a positive integer");
  ws = workspaceFor(emu, { "main.tf": config });
  emu.faults.reseed(seed);
  emu.faults.add([
    { match: { probability: 0.05 }, action: { status: 503 } },
    { match: { probability: 0.01 }, action: { reset: true }, when: "after" },
  ]);

  const started = Date.now();
  await ws.ok(["apply", "-auto-approve", "-parallelism=50", "-no-color"]);
  const applySeconds = (Date.now() - started) / 1000;

  // Each user exactly once: N users, one per email, each the one state holds.
  const state = await usersInState(ws);
  assert.equal(state.length, users);
  assert.equal(emu.store.users.size, users, "exactly N users on LiteLLM");
  const emails = [...emu.store.users.values()].map((u) => u.user_email);
  assert.equal(new Set(emails).size, users, "no email twice");
  for (let i = 0; i < users; i++) assert.ok(emails.includes(`load-${i}@example.com`), `load-${i} exists`);
  const r = reconcile(emu, state);
  assert.equal(lostCount(r), 0, JSON.stringify(r));
  assert.ok(state.every((s) => !s.tainted), "no user tainted");
  for (const s of state) assert.equal(s.values.max_budget, emu.store.getUser(String(s.values.user_id))!.max_budget);

  // The faults stay on for the plan and the destroy.
  await ws.ok(["plan", "-detailed-exitcode", "-parallelism=50", "-no-color"], 0);
  await ws.ok(["destroy", "-auto-approve", "-parallelism=50", "-no-color"]);
  assert.equal(emu.store.users.size, 0, "destroy leaves no user");
  assert.equal(emu.store.keys.size, 0, "and no key");
  assert.equal((await usersInState(ws)).length, 0);

  const hits = faultHits();
  assert.ok(hits.unavailable > 0, "503s were injected");
  recordScenario({
    id: "8.1",
    scenario: `Load: ${users} users, \`-parallelism=50\`: apply, plan, destroy`,
    faults: `5% HTTP 503, 1% reset after processing, on every endpoint (seeded); ${hits.unavailable} 503s and ${hits.resets} resets in ${hits.requests} requests`,
    outcome: `each user created exactly once (apply ${Math.round(applySeconds)} s); next plan clean; destroy leaves 0 users, 0 keys`,
    lost: lostCount(r),
  });
});
