// Issue 3, drift, under LiteLLM's current behaviour and the legacy one (≤ 1.80.7): a user deleted out of band
// is recreated, a field changed out of band shows as an update back, and a duplicate email names the email.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { adminCall } from "../support/emulator";
import { apply, changeOf, planIsClean, savedPlan, startUserTestEnv, stateOf, storedUserByEmail, tf, type UserTestEnv } from "./user-support";

for (const legacy of [false, true]) {
  const mode = legacy ? "legacy LiteLLM (≤ 1.80.7)" : "current LiteLLM";
  describe(mode, () => {
    let env: UserTestEnv;
    before(async () => {
      env = await startUserTestEnv({ legacy });
    });
    after(async () => {
      await env.close();
    });

    test("a user deleted out of band leaves state and the next plan recreates it", async () => {
      const ws = env.workspace(tf(`resource "litellm_user" "gone" {\n  user_email = "gone@example.com"\n  user_role  = "admin"\n}`));
      await apply(ws);
      const first = storedUserByEmail(env.emu, "gone@example.com").user_id;
      assert.equal((await adminCall(env.emu, "POST", "/user/delete", { user_ids: [first] })).status, 200);

      env.emu.requests.clear();
      const plan = await savedPlan(ws);
      assert.deepEqual(changeOf(plan, "litellm_user.gone").actions, ["create"]);
      const infos = env.emu.requests.entries().filter((e) => e.path === "/user/info");
      assert.ok(infos.length > 0);
      assert.equal(infos[0].status, legacy ? 200 : 404, legacy ? "legacy answers 200 with an empty user_info" : "current answers 404");

      await apply(ws, ["plan.bin"]);
      const second = storedUserByEmail(env.emu, "gone@example.com");
      assert.notEqual(second.user_id, first);
      assert.equal(second.user_role, "proxy_admin");
      assert.equal((await stateOf(ws, "litellm_user.gone")).user_id, second.user_id);
      await planIsClean(ws);
    });

    test("fields changed out of band show as an update back to the configuration", async () => {
      const ws = env.workspace(
        tf(`resource "litellm_user" "drift" {
  user_email      = "drift@example.com"
  user_alias      = "drift"
  user_role       = "admin"
  max_budget      = 10
  budget_duration = "monthly"
  models          = ["gpt-4o"]
  metadata        = jsonencode({ team = "backend" })
}`),
      );
      await apply(ws);
      const userId = storedUserByEmail(env.emu, "drift@example.com").user_id;
      const changed = await adminCall(env.emu, "POST", "/user/update", {
        user_id: userId,
        user_alias: "someone-else",
        user_role: "internal_user_viewer",
        max_budget: 99,
        budget_duration: "1d",
        models: ["claude-3-5-sonnet"],
        metadata: { team: "frontend", extra: true },
      });
      assert.equal(changed.status, 200);

      const plan = await savedPlan(ws);
      const change = changeOf(plan, "litellm_user.drift");
      assert.deepEqual(change.actions, ["update"]);
      assert.deepEqual(
        {
          user_alias: change.before!.user_alias,
          user_role: change.before!.user_role,
          max_budget: change.before!.max_budget,
          budget_duration: change.before!.budget_duration,
          models: change.before!.models,
          metadata: change.before!.metadata,
        },
        {
          user_alias: "someone-else",
          user_role: "internal_user_viewer",
          max_budget: 99,
          budget_duration: "1d",
          models: ["claude-3-5-sonnet"],
          metadata: '{"extra":true,"team":"frontend"}',
        },
        "the refreshed state shows what LiteLLM has now",
      );
      assert.equal(change.after!.user_role, "admin");
      assert.equal(change.after!.budget_duration, "monthly");
      assert.equal(change.after!.metadata, '{"team":"backend"}');

      env.rec.clear();
      await apply(ws, ["plan.bin"]);
      assert.deepEqual(env.rec.bodies("POST", "/user/update"), [
        {
          user_id: userId,
          user_alias: "drift",
          user_role: "proxy_admin",
          max_budget: 10,
          budget_duration: "1mo",
          models: ["gpt-4o"],
          metadata: { team: "backend" },
        },
      ]);
      const row = storedUserByEmail(env.emu, "drift@example.com");
      assert.equal(row.user_role, "proxy_admin");
      assert.equal(row.max_budget, 10);
      assert.deepEqual(row.metadata, { team: "backend" });
      await planIsClean(ws);
    });

    test("a duplicate email fails with an error naming the email", async () => {
      assert.equal((await adminCall(env.emu, "POST", "/user/new", { user_email: "taken@example.com", auto_create_key: false })).status, 200);
      const ws = env.workspace(tf(`resource "litellm_user" "dup" {\n  user_email = "Taken@Example.com"\n}`));
      env.emu.requests.clear();
      const r = await ws.ok(["apply", "-no-color", "-auto-approve"], 1);
      const answered = env.emu.requests.entries().find((e) => e.path === "/user/new");
      assert.equal(answered?.status, legacy ? 400 : 409);
      assert.match(r.stderr, /Error: User Already Exists/);
      assert.match(r.stderr, /Taken@Example\.com/);
      assert.match(r.stderr, /terraform import/);
      assert.equal(env.emu.store.findUsersByEmail("taken@example.com").length, 1, "no second user");
      assert.equal((await ws.ok(["state", "list"])).stdout.trim(), "", "nothing in state");
    });
  });
}

test("legacy LiteLLM cannot remove a budget: the apply says so and state keeps LiteLLM's value", async () => {
  const env = await startUserTestEnv({ legacy: true });
  try {
    const config = (budget: string) => tf(`resource "litellm_user" "capped" {\n  user_email = "capped@example.com"\n${budget}}`);
    const ws = env.workspace(config("  max_budget = 10\n"));
    await apply(ws);
    ws.write({ "main.tf": config("  max_budget = 0\n") }); // 0 is unlimited; a left-out budget would keep LiteLLM's
    const r = await ws.ok(["apply", "-no-color", "-auto-approve"], 1);
    assert.match(r.stderr, /LiteLLM Did Not Apply A Change/);
    assert.match(r.stderr, /max_budget/);
    assert.match(r.stderr, /1\.80/);
    assert.equal(storedUserByEmail(env.emu, "capped@example.com").max_budget, 10);
    assert.equal((await stateOf(ws, "litellm_user.capped")).max_budget, 10, "state holds LiteLLM's value, not the plan's");
    await ws.ok(["plan", "-detailed-exitcode"], 2);
  } finally {
    await env.close();
  }
});
