// Issue 19 item 1: import never destroys what Terraform did not create. A user that LiteLLM made with its default
// key (/user/new without auto_create_key, as the UI and SSO do) is imported with a configuration that does not
// mention auto_create_key, by CLI `import` and by an `import {}` block; the plan is clean, the apply changes
// nothing, and the key still authenticates afterwards.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { adminCall } from "../support/emulator";
import { apply, changeOf, planIsClean, savedPlan, startUserTestEnv, stateOf, tf, type UserTestEnv } from "./user-support";

let env: UserTestEnv;
const keys: Record<string, string> = {};

before(async () => {
  env = await startUserTestEnv();
  for (const id of ["keyed-cli", "keyed-block"]) {
    const made = await adminCall(env.emu, "POST", "/user/new", { user_id: id, user_email: `${id}@example.com`, user_role: "internal_user" });
    assert.equal(made.status, 200);
    keys[id] = (made.body as { key: string }).key;
    assert.match(keys[id]!, /^sk-/, "LiteLLM's default: a key for the new user");
  }
});
after(async () => {
  await env.close();
});

/** The key still authenticates: LiteLLM knows it, and a call with it fails only for lack of admin rights. */
async function assertKeyWorks(userId: string): Promise<void> {
  const info = await adminCall(env.emu, "GET", `/key/info?key=${encodeURIComponent(keys[userId]!)}`);
  assert.equal(info.status, 200, `${userId}'s key still exists`);
  const res = await fetch(`${env.emu.url}/user/list`, { headers: { Authorization: `Bearer ${keys[userId]}` } });
  const body = (await res.json()) as { error: { message: string } };
  assert.match(body.error.message, /Only proxy admin/, "the key authenticates (as a non-admin)");
}

const config = (name: string, id: string) => `resource "litellm_user" "${name}" {
  user_email = "${id}@example.com"
  user_role  = "internal_user"
}`;

test("CLI import: auto_create_key = false, a clean plan, and apply keeps the key", async () => {
  const ws = env.workspace(tf(config("u", "keyed-cli")));
  await ws.ok(["import", "-no-color", "litellm_user.u", "keyed-cli"]);
  const state = await stateOf(ws, "litellm_user.u");
  assert.deepEqual([state.auto_create_key, state.key_alias, state.key_duration, state.key], [false, null, null, null]);
  await planIsClean(ws);
  env.rec.clear();
  const out = await apply(ws);
  assert.match(out, /0 added, 0 changed, 0 destroyed/);
  assert.equal(env.rec.count("POST", "/key/delete"), 0, "no key is deleted");
  await assertKeyWorks("keyed-cli");
});

test("import {} block: the plan only imports, apply keeps the key, then a clean plan", async () => {
  const ws = env.workspace(tf(`import {\n  to = litellm_user.u\n  id = "keyed-block@example.com"\n}\n\n${config("u", "keyed-block")}`));
  const plan = await savedPlan(ws, 2);
  assert.deepEqual(changeOf(plan, "litellm_user.u").actions, ["no-op"]);
  assert.deepEqual(plan.diagnostics.filter((d) => /Key Will Be Deleted/.test(d.summary)), [], "no warning about a key");
  env.rec.clear();
  await apply(ws, ["plan.bin"]);
  assert.equal(env.rec.count("POST", "/key/delete"), 0);
  await planIsClean(ws);
  await assertKeyWorks("keyed-block");
});

test("auto_create_key = true on an imported user adds a key of its own; turning it off deletes only that one", async () => {
  const ws = env.workspace(tf(config("u", "keyed-cli")));
  await ws.ok(["import", "-no-color", "litellm_user.u", "keyed-cli"]);
  ws.write({ "main.tf": tf(config("u", "keyed-cli").replace("}", '  auto_create_key = true\n  key_alias       = "terraform-owned"\n}')) });
  await apply(ws);
  assert.equal(env.emu.store.keysOfUser("keyed-cli").length, 2);
  ws.write({ "main.tf": tf(config("u", "keyed-cli")) });
  await apply(ws);
  const left = env.emu.store.keysOfUser("keyed-cli");
  assert.equal(left.length, 1);
  assert.notEqual(left[0]!.key_alias, "terraform-owned");
  await assertKeyWorks("keyed-cli");
  await ws.ok(["state", "rm", "litellm_user.u"]);
});
