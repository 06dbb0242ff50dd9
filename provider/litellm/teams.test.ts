// The team calls against the emulator: the round trip, safe retries of creates and adds, and "already gone".
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isLiteLLMError } from "./errors";
import { teamsOf } from "./teams";
import { failure, useClientFixture } from "./litellm.test-support";

const fx = useClientFixture();
const teams = () => teamsOf(fx.client());

describe("teams", () => {
  it("create, read, update (null clears), list, delete; a missing team reads as null", async () => {
    const api = teams();
    await api.newTeam("t-1", { team_alias: "backend", max_budget: 10, models: ["gpt-4o"], metadata: { a: 1 } });
    let team = (await api.teamInfo("t-1"))!;
    assert.deepEqual([team.team_alias, team.max_budget, team.models, team.metadata, team.blocked, team.spend], ["backend", 10, ["gpt-4o"], { a: 1 }, false, 0]);
    assert.deepEqual(team.members.map((m) => m.user_id), ["default_user_id"], "LiteLLM makes the master key's user the team's admin");

    await api.updateTeam("t-1", { max_budget: null, team_alias: null, models: [], blocked: true });
    team = (await api.teamInfo("t-1"))!;
    assert.deepEqual([team.team_alias, team.max_budget, team.models, team.blocked], [null, null, [], true]);
    assert.deepEqual((await api.listTeams()).map((t) => t.team_id), ["t-1"]);

    assert.equal(await api.deleteTeam("t-1"), true);
    assert.equal(await api.teamInfo("t-1"), null);
    assert.equal(await api.deleteTeam("t-1"), false, "deleting a team that is gone is not an error");
  });

  it("a create whose answer was lost is retried and settled by reading the team", async () => {
    fx.faults({ match: { path: "/team/new", times: 1 }, action: { reset: true }, when: "after" });
    await teams().newTeam("t-lost", { team_alias: "a" });
    assert.deepEqual([...fx.emu.store.teams.keys()], ["t-lost"]);
    assert.equal(fx.requestsTo("POST", "/team/new").length, 2);
  });

  it("a create refused for a real duplicate fails", async () => {
    await teams().newTeam("t-1", {});
    const e = await failure(teams().newTeam("t-1", {}));
    assert.ok(isLiteLLMError(e) && e.status === 400);
  });
});

describe("members", () => {
  async function setup() {
    await fx.client().newUser({ user_id: "u-1", user_email: "u1@example.com", auto_create_key: false });
    await teams().newTeam("t-1", {});
  }

  it("adds by user_id or by email (resolved to the user_id), updates in place, deletes", async () => {
    await setup();
    const api = teams();
    assert.equal(await api.addMember("t-1", { user_email: "u1@example.com", role: "user" }, 5), "u-1");
    let team = (await api.teamInfo("t-1"))!;
    assert.equal(team.memberBudgets.get("u-1"), 5);

    await api.updateMember("t-1", "u-1", { role: "user", maxBudgetInTeam: null });
    team = (await api.teamInfo("t-1"))!;
    assert.equal(team.memberBudgets.get("u-1") ?? null, null, "null removes the member's budget");

    assert.equal(await api.deleteMember("t-1", "u-1"), true);
    assert.equal(await api.deleteMember("t-1", "u-1"), false, "a member already gone");
    await api.deleteTeam("t-1");
    assert.equal(await api.deleteMember("t-1", "u-1"), false, "a team already gone");
  });

  it("an add whose answer was lost is retried and settled by reading the team", async () => {
    await setup();
    fx.faults({ match: { path: "/team/member_add", times: 1 }, action: { reset: true }, when: "after" });
    assert.equal(await teams().addMember("t-1", { user_id: "u-1", role: "user" }, null), "u-1");
    assert.equal(fx.requestsTo("POST", "/team/member_add").length, 2);
    const members = (await teams().teamInfo("t-1"))!.members.filter((m) => m.user_id === "u-1");
    assert.equal(members.length, 1);
  });

  it("a first attempt refused as a duplicate fails", async () => {
    await setup();
    await teams().addMember("t-1", { user_id: "u-1", role: "user" }, null);
    const e = await failure(teams().addMember("t-1", { user_id: "u-1", role: "user" }, null));
    assert.ok(isLiteLLMError(e) && e.status === 400);
    assert.match(e.message, /already in team/);
  });
});
