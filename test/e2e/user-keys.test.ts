// Issue 3, the operator's key features: auto_create_key (default false), key_alias, key_duration and the
// sensitive computed key; what changing them after creation does; and that no key is ever orphaned.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { adminCall } from "../support/emulator";
import type { Workspace } from "../support/terraform";
import { apply, changeOf, planIsClean, savedPlan, startUserTestEnv, stateResources, storedUserByEmail, tf, type UserTestEnv } from "./user-support";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

interface KeyConfig {
  auto?: boolean;
  alias?: string;
  duration?: string;
}

function userBlock(name: string, k: KeyConfig): string {
  return `resource "litellm_user" "${name}" {
  user_email = "${name}@example.com"
  models     = ["gpt-4o"]
${k.auto === undefined ? "" : `  auto_create_key = ${k.auto}\n`}${k.alias ? `  key_alias = "${k.alias}"\n` : ""}${k.duration ? `  key_duration = "${k.duration}"\n` : ""}}`;
}

let env: UserTestEnv;
before(async () => {
  env = await startUserTestEnv();
});
after(async () => {
  await env.close();
});

/** The user's keys on LiteLLM. */
const keysOf = (userId: string) => env.emu.store.keysOfUser(userId);

/** The one key LiteLLM has for the user, checked against the raw key in state. */
async function theKey(ws: Workspace, address: string) {
  const resource = (await stateResources(ws)).get(address)!;
  const userId = String(resource.values.user_id);
  const keys = keysOf(userId);
  assert.equal(keys.length, 1, `${address} has exactly one key on LiteLLM`);
  const raw = resource.values.key;
  assert.equal(typeof raw, "string");
  assert.match(String(raw), /^sk-/);
  assert.equal(sha256(String(raw)), keys[0].token, "state's key is the one LiteLLM holds");
  assert.equal(resource.sensitive_values?.key, true, "key is sensitive in state");
  return { userId, raw: String(raw), row: keys[0] };
}

/** LiteLLM stamps created_at and expires from two clock reads, so they may differ by a few milliseconds. */
function assertLifetime(row: { expires: number | null; created_at: number }, seconds: number, message: string) {
  assert.ok(row.expires !== null, message);
  assert.ok(Math.abs(row.expires - row.created_at - seconds * 1000) < 1000, message);
}

/** Nothing terraform prints may contain a raw key. */
function assertNoKeyIn(output: string, ...keys: string[]) {
  for (const k of keys) assert.ok(!output.includes(k), "a raw key appears in terraform's output");
}

test("key lifecycle: default off, created with alias and duration, re-issued on change, re-created when lost, deleted when off", async () => {
  const ws = env.workspace(tf([userBlock("nokey", {}), userBlock("withkey", { auto: true, alias: "withkey-1", duration: "30d" })].join("\n")));
  const created = await apply(ws);

  // auto_create_key defaults to false, and LiteLLM (whose own default is true) is told so.
  const newBodies = env.rec.bodies("POST", "/user/new");
  const nokeyBody = newBodies.find((b) => b.user_email === "nokey@example.com")!;
  assert.equal(nokeyBody.auto_create_key, false);
  assert.ok(!("key_alias" in nokeyBody) && !("duration" in nokeyBody));
  const state = await stateResources(ws);
  const nokey = state.get("litellm_user.nokey")!.values;
  assert.equal(nokey.auto_create_key, false);
  assert.equal(nokey.key, null);
  assert.deepEqual(keysOf(String(nokey.user_id)), [], "no key exists for the user");

  // With auto_create_key, /user/new makes the key; state holds it, sensitive, and no output shows it.
  const withkeyBody = newBodies.find((b) => b.user_email === "withkey@example.com")!;
  assert.equal(withkeyBody.auto_create_key, true);
  assert.equal(withkeyBody.key_alias, "withkey-1");
  assert.equal(withkeyBody.duration, "30d");
  assert.equal(env.rec.count("POST", "/key/generate"), 0, "the key comes from /user/new itself");
  const first = await theKey(ws, "litellm_user.withkey");
  assert.equal(first.row.key_alias, "withkey-1");
  assertLifetime(first.row, 30 * 86400, "the key lives 30 days");
  assert.deepEqual(first.row.models, ["gpt-4o"]);
  assertNoKeyIn(created, first.raw);
  assert.ok(fs.readFileSync(path.join(ws.dir, "terraform.tfstate"), "utf8").includes(first.raw), "the key is kept in state");
  assertNoKeyIn(await planIsClean(ws), first.raw);

  // Changing key_alias re-issues the key: a new one first, then the old one deleted.
  ws.write({ "main.tf": tf([userBlock("nokey", {}), userBlock("withkey", { auto: true, alias: "withkey-2", duration: "30d" })].join("\n")) });
  const renamePlan = await savedPlan(ws);
  const renaming = changeOf(renamePlan, "litellm_user.withkey");
  assert.deepEqual(renaming.actions, ["update"]);
  assert.equal(renaming.after_unknown.key, true, "the plan shows the key will change");
  assertNoKeyIn((await ws.ok(["show", "-no-color", "plan.bin"])).stdout, first.raw);
  env.rec.clear();
  assertNoKeyIn(await apply(ws, ["plan.bin"]), first.raw);
  const writes = env.rec.requests.filter((r) => r.method === "POST").map((r) => r.path);
  assert.deepEqual(writes, ["/key/generate", "/key/delete"], "new key first, then the old one deleted; the user row is untouched");
  assert.deepEqual(env.rec.bodies("POST", "/key/generate")[0], { user_id: first.userId, key_alias: "withkey-2", duration: "30d", models: ["gpt-4o"] });
  assert.deepEqual(env.rec.bodies("POST", "/key/delete")[0], { keys: [first.row.token] });
  const second = await theKey(ws, "litellm_user.withkey");
  assert.notEqual(second.raw, first.raw);
  assert.equal(second.row.key_alias, "withkey-2");
  await planIsClean(ws);

  // Changing key_duration re-issues it too.
  ws.write({ "main.tf": tf([userBlock("nokey", {}), userBlock("withkey", { auto: true, alias: "withkey-2", duration: "1h" })].join("\n")) });
  assert.equal(changeOf(await savedPlan(ws), "litellm_user.withkey").after_unknown.key, true);
  await apply(ws, ["plan.bin"]);
  const third = await theKey(ws, "litellm_user.withkey");
  assert.notEqual(third.raw, second.raw);
  assertLifetime(third.row, 3600, "the new key lives one hour");
  await planIsClean(ws);
  // The same lifetime in another spelling changes nothing.
  ws.write({ "main.tf": tf([userBlock("nokey", {}), userBlock("withkey", { auto: true, alias: "withkey-2", duration: "60m" })].join("\n")) });
  await planIsClean(ws);

  // A key deleted out of band is noticed at refresh and re-created by the next apply.
  assert.equal((await adminCall(env.emu, "POST", "/key/delete", { keys: [third.row.token] })).status, 200);
  const lostPlan = await savedPlan(ws);
  assert.equal(changeOf(lostPlan, "litellm_user.withkey").after_unknown.key, true);
  await apply(ws, ["plan.bin"]);
  const fourth = await theKey(ws, "litellm_user.withkey");
  assert.equal(fourth.row.key_alias, "withkey-2");
  await planIsClean(ws);

  // Turning auto_create_key off deletes the key, and the plan warns first.
  ws.write({ "main.tf": tf([userBlock("nokey", {}), userBlock("withkey", { auto: false })].join("\n")) });
  const offPlan = await savedPlan(ws);
  const warning = offPlan.diagnostics.find((d) => d.summary === "The User's Key Will Be Deleted");
  assert.ok(warning, "the plan warns that the key will be deleted");
  assert.equal(warning.severity, "warning");
  assert.equal(changeOf(offPlan, "litellm_user.withkey").after!.key, null);
  env.rec.clear();
  await apply(ws, ["plan.bin"]);
  assert.deepEqual(env.rec.bodies("POST", "/key/delete"), [{ keys: [fourth.row.token] }]);
  assert.deepEqual(keysOf(fourth.userId), []);
  assert.equal((await stateResources(ws)).get("litellm_user.withkey")!.values.key, null);
  await planIsClean(ws);

  // Turning it on later creates a key with /key/generate.
  ws.write({ "main.tf": tf([userBlock("nokey", { auto: true, alias: "nokey-late" }), userBlock("withkey", { auto: false })].join("\n")) });
  env.rec.clear();
  await apply(ws);
  assert.deepEqual(env.rec.bodies("POST", "/key/generate"), [{ user_id: String(nokey.user_id), key_alias: "nokey-late", models: ["gpt-4o"] }]);
  const late = await theKey(ws, "litellm_user.nokey");
  assert.equal(late.row.expires, null, "no key_duration: the key does not expire");
  await planIsClean(ws);

  // Only the managed keys ever existed at each step; destroying the users leaves none.
  assert.equal(env.emu.store.keys.size, 1);
  await apply(ws, ["-destroy", "-auto-approve"]);
  assert.equal(env.emu.store.keys.size, 0, "no key is orphaned");
});

test("a create whose answer was lost is retried without orphaning the key the lost attempt made", async () => {
  const ws = env.workspace(tf(userBlock("retried", { auto: true, alias: "retried-key" })));
  // LiteLLM creates the user and its key, then the connection drops before the answer.
  env.emu.faults.add([{ match: { method: "POST", path: "/user/new", times: 1 }, action: { reset: true }, when: "after" }]);
  env.rec.clear();
  await apply(ws);
  assert.equal(env.rec.count("POST", "/user/new"), 2, "the create was retried");
  const user = storedUserByEmail(env.emu, "retried@example.com");
  const key = await theKey(ws, "litellm_user.retried");
  assert.equal(key.userId, user.user_id);
  assert.equal(key.row.key_alias, "retried-key");
  assert.equal(keysOf(user.user_id).length, 1, "the lost attempt's key was deleted, not orphaned");
  await planIsClean(ws);
  await apply(ws, ["-destroy", "-auto-approve"]);
  assert.deepEqual(keysOf(user.user_id), []);
});
