// The emulator as a configured proxy: config.yaml's key header and server-side defaults, the newest
// budget_duration check against legacy behaviour, the duplicate-member quirk and the team's default member budget.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseProxyConfig, ProxyConfigError } from "./proxy-settings";
import { get, MASTER, post, useEmulator } from "./emulator.test-support";

const CONFIG = `
model_list: []
general_settings:
  master_key: sk-ignored-here
  litellm_key_header_name: X-Litellm-Key
litellm_settings:
  default_internal_user_params:
    models: ["gpt-4o-mini"]
    tpm_limit: 1000
    available_teams: ["t-ignored"]
  max_internal_user_budget: 25
  internal_user_budget_duration: 30d
  default_team_settings:
    - team_id: callbacks-only
      max_budget: 50
`;

const settings = parseProxyConfig(CONFIG);
const KEY = { "x-litellm-key": `Bearer ${MASTER}` };
const configured = useEmulator({ settings });
const legacy = useEmulator({ settings: { ...settings, keyHeaderName: null }, legacy: true });

describe("parseProxyConfig", () => {
  it("reads the five settings and ignores the rest", () => {
    assert.deepEqual(settings, {
      keyHeaderName: "X-Litellm-Key",
      defaultInternalUserParams: { models: ["gpt-4o-mini"], tpm_limit: 1000, available_teams: ["t-ignored"] },
      maxInternalUserBudget: 25,
      internalUserBudgetDuration: "30d",
      defaultTeamSettings: [{ team_id: "callbacks-only", max_budget: 50 }],
    });
    assert.deepEqual(parseProxyConfig(""), { keyHeaderName: null, defaultInternalUserParams: null, maxInternalUserBudget: null, internalUserBudgetDuration: null, defaultTeamSettings: null });
  });
  it("names what is wrong", () => {
    assert.throws(() => parseProxyConfig("litellm_settings: [1]"), (e: unknown) => e instanceof ProxyConfigError && /litellm_settings must be a mapping/.test(e.message));
    assert.throws(() => parseProxyConfig("litellm_settings:\n  max_internal_user_budget: lots"), /max_internal_user_budget must be a number/);
    assert.throws(() => parseProxyConfig("a: [unclosed"), /not valid YAML/);
  });
});

describe("a configured proxy", () => {
  it("reads the key from litellm_key_header_name only", async () => {
    assert.equal((await get(configured.emu, "/user/list", KEY)).status, 200);
    assert.equal((await get(configured.emu, "/user/list", { "x-litellm-key": MASTER })).status, 200, "bare key works too");
    const bearer = await get(configured.emu, "/user/list");
    assert.equal(bearer.status, 401, "Authorization is not read");
    assert.match(bearer.body.error.message, /No api key passed in/);
  });

  it("/user/new fills default_internal_user_params and the internal-user budget, and leaves what the request sets", async () => {
    const plain = await post(configured.emu, "/user/new", { user_id: "plain", user_role: "internal_user", models: [], auto_create_key: false }, KEY);
    assert.equal(plain.status, 200);
    const row = configured.emu.store.getUser("plain")!;
    assert.deepEqual([row.models, row.tpm_limit, row.max_budget, row.budget_duration], [["gpt-4o-mini"], 1000, 25, "30d"]);
    assert.equal("available_teams" in row, false);

    await post(configured.emu, "/user/new", { user_id: "set", user_role: "internal_user", models: ["o3"], max_budget: 5, tpm_limit: 1, auto_create_key: false }, KEY);
    const set = configured.emu.store.getUser("set")!;
    assert.deepEqual([set.models, set.tpm_limit, set.max_budget, set.budget_duration], [["o3"], 1, 5, "30d"]);

    await post(configured.emu, "/user/new", { user_id: "viewer", user_role: "internal_user_viewer", auto_create_key: false }, KEY);
    const viewer = configured.emu.store.getUser("viewer")!;
    assert.deepEqual([viewer.models, viewer.max_budget], [["gpt-4o-mini"], null], "the budget defaults are for internal_user only");

    await post(configured.emu, "/user/new", { user_id: "admin", user_role: "proxy_admin", auto_create_key: false }, KEY);
    assert.deepEqual(configured.emu.store.getUser("admin")!.models, [], "proxy_admin gets no defaults");
  });

  it("legacy proxies apply default_internal_user_params to internal_user only", async () => {
    await post(legacy.emu, "/user/new", { user_id: "viewer", user_role: "internal_user_viewer", auto_create_key: false });
    assert.deepEqual(legacy.emu.store.getUser("viewer")!.models, []);
  });

  it("/team/new takes max_budget from the first default_team_settings entry, and keeps tags, guardrails and the member budget in metadata", async () => {
    const res = await post(configured.emu, "/team/new", { team_id: "t1", tags: ["prod"], guardrails: ["pii"], team_member_budget: 7 }, KEY);
    assert.equal(res.status, 200);
    const team = configured.emu.store.getTeam("t1")!;
    assert.equal(team.max_budget, 50);
    assert.deepEqual([team.metadata.tags, team.metadata.guardrails], [["prod"], ["pii"]]);
    const budgetId = team.metadata.team_member_budget_id as string;
    assert.equal(configured.emu.store.budgets.get(budgetId)!.max_budget, 7);

    await post(configured.emu, "/user/new", { user_id: "m", user_email: "m@example.com", user_role: "internal_user", auto_create_key: false }, KEY);
    assert.equal((await post(configured.emu, "/team/member_add", { team_id: "t1", member: { user_id: "m", user_email: "m@example.com", role: "user" } }, KEY)).status, 200);
    const membership = configured.emu.store.getMembership("t1", "m")!;
    assert.equal(configured.emu.store.budgets.get(membership.budget_id!)!.max_budget, 7, "a copy of the default member budget");
    assert.notEqual(membership.budget_id, budgetId);

    const again = await post(configured.emu, "/team/member_add", { team_id: "t1", member: { user_id: "m", user_email: "m@example.com", role: "user" } }, KEY);
    assert.equal(again.status, 200, "matched on user_id and user_email, it counts twice and passes the duplicate check");
    const byIdOnly = await post(configured.emu, "/team/member_add", { team_id: "t1", member: { user_id: "m", role: "user" } }, KEY);
    assert.equal(byIdOnly.status, 400);
    assert.equal(configured.emu.store.getTeam("t1")!.members_with_roles.filter((x) => x.user_id === "m").length, 1);
  });

  it("budget_duration: 400 in the newest LiteLLM, the old silent midnight reset under --legacy", async () => {
    const res = await post(configured.emu, "/team/update", { team_id: "nope", budget_duration: "0d" }, KEY);
    assert.equal(res.status, 400);
    assert.deepEqual(res.body, { detail: { error: "Invalid budget_duration '0d'. Use a format like '1h', '24h', '7d', or '30d'." } });
    const ok = await post(configured.emu, "/user/new", { user_id: "h", budget_duration: "hourly", auto_create_key: false }, KEY);
    assert.equal(ok.status, 200, "the newest parser knows hourly");
    const old = await post(legacy.emu, "/user/new", { user_id: "odd", budget_duration: "1D", auto_create_key: false });
    assert.equal(old.status, 200);
    assert.equal(legacy.emu.store.getUser("odd")!.budget_duration, "1D");
  });
});
