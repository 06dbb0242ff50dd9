// The listing data sources read every page: more rows than one page holds (100) are seeded, and terraform's
// outputs count them all; the emulator's request log shows the second page being asked for. The single-object
// data sources find a key by alias and a model by name.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { adminCall, type TestEmulator } from "../support/emulator";
import { startTeamEmulator, teamWorkspaces } from "./team-support";

const ROWS = 105;

let emu: TestEmulator;
const workspaces = teamWorkspaces(() => emu);
before(async () => {
  emu = await startTeamEmulator();
  for (let i = 0; i < ROWS; i++) {
    const seeds = await Promise.all([
      adminCall(emu, "POST", "/user/new", { user_email: `lister-${i}@example.com`, user_role: i % 2 ? "internal_user" : "internal_user_viewer", auto_create_key: false }),
      adminCall(emu, "POST", "/team/new", { team_alias: `team-${i}` }),
      adminCall(emu, "POST", "/key/generate", { key_alias: `key-${i}`, user_id: "lister" }),
      adminCall(emu, "POST", "/model/new", { model_name: `model-${i % 3}`, litellm_params: { model: `openai/m-${i}`, api_key: `sk-up-${i}` }, model_info: { id: `m-${i}` } }),
    ]);
    for (const s of seeds) assert.equal(s.status, 200, JSON.stringify(s.body));
  }
});
after(async () => {
  workspaces.disposeAll();
  await emu.close();
});

test("users, teams, keys and models: every page, filters applied", async () => {
  const ws = workspaces.create(`
data "litellm_users" "all" {}
data "litellm_users" "viewers" {
  user_role = "internal_user_viewer"
}
data "litellm_teams" "all" {}
data "litellm_keys" "mine" {
  user_id = "lister"
}
data "litellm_models" "all" {}
data "litellm_models" "zero" {
  model_name = "model-0"
}
data "litellm_key" "k7" {
  key_alias = "key-7"
}
data "litellm_model" "m5" {
  model_id = "m-5"
}

output "counts" {
  value = {
    users   = length([for u in data.litellm_users.all.users : u if u.user_email != null && startswith(u.user_email == null ? "" : u.user_email, "lister-")])
    viewers = length(data.litellm_users.viewers.users)
    teams   = length(data.litellm_teams.all.teams)
    keys    = length(data.litellm_keys.mine.keys)
    models  = length(data.litellm_models.all.models)
    zero    = length(data.litellm_models.zero.models)
  }
}
output "k7" {
  value = data.litellm_key.k7.id == [for k in data.litellm_keys.mine.keys : k.token if k.key_alias == "key-7"][0]
}
output "m5" {
  value = "\${data.litellm_model.m5.model_name} \${data.litellm_model.m5.custom_llm_provider == null}"
}
`);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const out = JSON.parse((await ws.ok(["output", "-json"])).stdout) as Record<string, { value: unknown }>;
  assert.deepEqual(out.counts!.value, { users: ROWS, viewers: Math.ceil(ROWS / 2), teams: ROWS, keys: ROWS, models: ROWS, zero: Math.ceil(ROWS / 3) });
  assert.equal(out.k7!.value, true);
  assert.equal(out.m5!.value, "model-2 true");
  // 105 rows at 100 a page: two calls per full listing (plus one per filtered or single lookup).
  const log = (await adminCall(emu, "GET", "/_emulator/requests")).body as { requests: { path: string }[] };
  const calls = (path: string) => log.requests.filter((r) => r.path === path).length;
  assert.deepEqual(
    { users: calls("/user/list"), teams: calls("/v2/team/list"), keys: calls("/key/list"), models: calls("/v2/model/info") },
    { users: 3, teams: 2, keys: 3, models: 4 },
  );
  assert.doesNotMatch((await ws.ok(["show", "-json"])).stdout, /sk-up-/, "no upstream secret is listed");
});
