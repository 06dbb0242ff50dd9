// The foundation, end to end: real terraform, the built provider, the emulator over a real socket.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { adminCall, emulatorState, startTestEmulator, type TestEmulator } from "../support/emulator";
import { createWorkspace, providerBlock, resourcesByAddress, type Workspace } from "../support/terraform";

const config = `${providerBlock}
resource "litellm_user" "alice" {
  user_email      = "alice@example.com"
  user_alias      = "alice"
  user_role       = "admin"
  max_budget      = 10
  budget_duration = "daily"
  models          = ["gpt-4o"]
  metadata        = jsonencode({ team = "backend", department = "engineering" })
}
`;

let emu: TestEmulator;
const workspaces: Workspace[] = [];
const workspace = () => {
  const ws = createWorkspace({ apiBase: emu.url, apiKey: emu.masterKey, files: { "main.tf": config } });
  workspaces.push(ws);
  return ws;
};

before(async () => {
  emu = await startTestEmulator();
});
after(async () => {
  for (const ws of workspaces) ws.dispose();
  await emu.close();
});

test("apply, plan clean, import by ID, plan clean, destroy", async () => {
  const ws = workspace();
  await ws.ok(["apply", "-auto-approve"]);

  const { users } = await emulatorState(emu);
  assert.equal(users.length, 1);
  const user = users[0];
  assert.equal(user.user_email, "alice@example.com");
  assert.equal(user.user_role, "proxy_admin", "the seed's admin is sent as LiteLLM's proxy_admin");
  assert.equal(user.budget_duration, "1d", "daily is sent as 1d");
  assert.deepEqual(user.metadata, { team: "backend", department: "engineering" });

  const state = resourcesByAddress(await ws.stateJson()).get("litellm_user.alice")!;
  assert.equal(state.user_role, "admin", "state keeps what the user wrote");
  assert.equal(state.budget_duration, "daily");
  assert.equal(state.user_id, user.user_id);
  assert.equal(state.id, user.user_id);
  assert.equal(typeof state.created_at, "string");

  await ws.ok(["plan", "-detailed-exitcode"], 0);

  const fresh = workspace();
  await fresh.ok(["import", "litellm_user.alice", String(user.user_id)]);
  const imported = resourcesByAddress(await fresh.stateJson()).get("litellm_user.alice")!;
  assert.equal(imported.user_email, "alice@example.com");
  assert.equal(imported.user_role, "proxy_admin", "an import knows only LiteLLM's spelling");
  await fresh.ok(["plan", "-detailed-exitcode"], 0);

  await ws.ok(["destroy", "-auto-approve"]);
  assert.equal((await emulatorState(emu)).users.length, 0, "destroy leaves no user on the emulator");
});

test("a user deleted outside Terraform is noticed and the plan recreates it", async () => {
  const ws = workspace();
  await ws.ok(["apply", "-auto-approve"]);
  const [user] = (await emulatorState(emu)).users;
  const deleted = await adminCall(emu, "POST", "/user/delete", { user_ids: [user.user_id] });
  assert.equal(deleted.status, 200);

  const plan = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(plan.stdout, /litellm_user\.alice will be created/);
  await ws.ok(["apply", "-auto-approve"]);
  assert.equal((await emulatorState(emu)).users.length, 1);
  await ws.ok(["plan", "-detailed-exitcode"], 0);
  await ws.ok(["destroy", "-auto-approve"]);
});
