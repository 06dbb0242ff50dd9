// Issue 3, roles and budget_duration: the seeds' spellings and LiteLLM's own are accepted, LiteLLM receives
// its native form, state keeps what was written, and an equivalent spelling never makes a diff.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { apply, changeOf, planIsClean, savedPlan, startUserTestEnv, stateResources, storedUserByEmail, tf, type UserTestEnv } from "./user-support";

interface Row {
  role: string | null;
  duration: string;
}

// One user per role spelling, each with a different budget_duration spelling.
const written: Record<string, Row> = {
  admin: { role: "admin", duration: "daily" },
  user: { role: "user", duration: "weekly" },
  customer: { role: "customer", duration: "monthly" },
  proxy_admin: { role: "proxy_admin", duration: "30s" },
  proxy_admin_viewer: { role: "proxy_admin_viewer", duration: "30m" },
  internal_user: { role: "internal_user", duration: "1h" },
  internal_user_viewer: { role: "internal_user_viewer", duration: "1d" },
  unset: { role: null, duration: "30d" },
  month: { role: "internal_user", duration: "1mo" },
};

// What LiteLLM must receive for each.
const native: Record<string, { role: string; duration: string }> = {
  admin: { role: "proxy_admin", duration: "1d" },
  user: { role: "internal_user", duration: "7d" },
  customer: { role: "internal_user", duration: "1mo" },
  proxy_admin: { role: "proxy_admin", duration: "30s" },
  proxy_admin_viewer: { role: "proxy_admin_viewer", duration: "30m" },
  internal_user: { role: "internal_user", duration: "1h" },
  internal_user_viewer: { role: "internal_user_viewer", duration: "1d" },
  unset: { role: "internal_user", duration: "30d" },
  month: { role: "internal_user", duration: "1mo" },
};

// Other spellings of the same meaning, emails in another case included.
const respelled: Record<string, Row> = {
  admin: { role: "proxy_admin", duration: "1d" },
  user: { role: "internal_user", duration: "1w" },
  customer: { role: "user", duration: "1mo" },
  proxy_admin: { role: "admin", duration: "30s" },
  proxy_admin_viewer: { role: "proxy_admin_viewer", duration: "030m" },
  internal_user: { role: "customer", duration: "60m" },
  internal_user_viewer: { role: "internal_user_viewer", duration: "24h" },
  unset: { role: "user", duration: "1mo" },
  month: { role: null, duration: "monthly" },
};

const email = (name: string, upper = false) => (upper ? `${name}@example.com`.toUpperCase() : `${name}@example.com`);

function config(rows: Record<string, Row>, upper = false): string {
  return tf(
    Object.entries(rows)
      .map(
        ([name, r]) => `resource "litellm_user" "${name}" {
  user_email      = "${email(name.replace(/_/g, "-"), upper)}"
${r.role === null ? "" : `  user_role       = "${r.role}"\n`}  budget_duration = "${r.duration}"
}`,
      )
      .join("\n"),
  );
}

let env: UserTestEnv;
before(async () => {
  env = await startUserTestEnv();
});
after(async () => {
  await env.close();
});

test("roles and budget durations: native forms sent, spellings kept, equivalent spellings never diff", async () => {
  const ws = env.workspace(config(written));
  await apply(ws);

  // What LiteLLM received on /user/new, and what it keeps.
  const created = env.rec.bodies("POST", "/user/new");
  assert.equal(created.length, Object.keys(written).length);
  for (const name of Object.keys(written)) {
    const body = created.find((b) => b.user_email === email(name.replace(/_/g, "-")));
    assert.ok(body, `/user/new for ${name}`);
    assert.equal(body.user_role, native[name].role, `${name}: role sent`);
    assert.equal(body.budget_duration, native[name].duration, `${name}: budget_duration sent`);
    const row = storedUserByEmail(env.emu, email(name.replace(/_/g, "-")));
    assert.equal(row.user_role, native[name].role, `${name}: role stored`);
    assert.equal(row.budget_duration, native[name].duration, `${name}: budget_duration stored`);
  }

  // State keeps what was written (the default role is "user").
  const state = await stateResources(ws);
  for (const [name, r] of Object.entries(written)) {
    const values = state.get(`litellm_user.${name}`)!.values;
    assert.equal(values.user_role, r.role ?? "user", `${name}: role in state`);
    assert.equal(values.budget_duration, r.duration, `${name}: budget_duration in state`);
  }
  await planIsClean(ws);

  // Every other spelling of the same meaning, and emails in upper case: no changes, and no writes.
  env.rec.clear();
  ws.write({ "main.tf": config(respelled, true) });
  await planIsClean(ws);
  assert.deepEqual(
    env.rec.requests.filter((r) => r.method !== "GET").map((r) => r.path),
    [],
    "planning equivalent spellings writes nothing",
  );

  // 14d is not monthly, 720h resets daily (LiteLLM wraps hours past a day), and viewer is not admin: those are
  // real updates, in place.
  const changed = {
    ...respelled,
    customer: { role: "user", duration: "14d" },
    admin: { role: "proxy_admin_viewer", duration: "1d" },
    unset: { role: "user", duration: "720h" },
  };
  ws.write({ "main.tf": config(changed, true) });
  const plan = await savedPlan(ws);
  const updating = [...plan.changes.values()].filter((c) => c.change.actions.join() !== "no-op").map((c) => c.address);
  assert.deepEqual(updating.sort(), ["litellm_user.admin", "litellm_user.customer", "litellm_user.unset"]);
  assert.deepEqual(changeOf(plan, "litellm_user.customer").actions, ["update"]);
  assert.deepEqual(changeOf(plan, "litellm_user.admin").actions, ["update"]);
  env.rec.clear();
  await apply(ws, ["plan.bin"]);
  const updates = env.rec.bodies("POST", "/user/update");
  assert.equal(updates.length, 3);
  const customerId = storedUserByEmail(env.emu, email("customer")).user_id;
  const adminId = storedUserByEmail(env.emu, email("admin")).user_id;
  assert.deepEqual(
    updates.find((b) => b.user_id === customerId),
    { user_id: customerId, budget_duration: "14d" },
    "only the changed attribute is sent",
  );
  assert.deepEqual(updates.find((b) => b.user_id === adminId), { user_id: adminId, user_role: "proxy_admin_viewer" });
  const unsetId = storedUserByEmail(env.emu, email("unset")).user_id;
  assert.deepEqual(updates.find((b) => b.user_id === unsetId), { user_id: unsetId, budget_duration: "720h" });
  assert.equal(storedUserByEmail(env.emu, email("customer")).budget_duration, "14d");
  assert.equal(storedUserByEmail(env.emu, email("admin")).user_role, "proxy_admin_viewer");
  await planIsClean(ws);

  await apply(ws, ["-destroy", "-auto-approve"]);
  assert.equal(env.emu.store.users.size, 0);
});
