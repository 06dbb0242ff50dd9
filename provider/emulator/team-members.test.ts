import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { get, post, useEmulator, UUID4 } from "./emulator.test-support";

let now = Date.UTC(2026, 2, 11, 10, 0, 0);
const ctx = useEmulator({ clock: () => now });
const premium = useEmulator({ enterprise: true });
const legacy = useEmulator({ legacy: true, enterprise: true });

async function teamWithUser(emu = ctx.emu) {
  await post(emu, "/user/new", { user_id: "u1", user_email: "u1@example.com", auto_create_key: false });
  await post(emu, "/team/new", { team_id: "t1", team_alias: "backend" });
}
const membersOf = async (emu = ctx.emu) => (await get(emu, "/team/info?team_id=t1")).body.team_info.members_with_roles;
const budgetOf = async (emu = ctx.emu, userId = "u1") =>
  (await get(emu, "/team/info?team_id=t1")).body.team_memberships.find((m: any) => m.user_id === userId)?.litellm_budget_table?.max_budget ?? null;

describe("POST /team/member_add", () => {
  it("adds a user: members_with_roles, the user's teams (stamping updated_at) and /user/info's teams", async () => {
    await teamWithUser();
    now += 60_000;
    const res = await post(ctx.emu, "/team/member_add", { team_id: "t1", member: { role: "user", user_id: "u1" } });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.updated_users.map((u: any) => [u.user_id, u.teams]), [["u1", ["t1"]]]);
    assert.deepEqual(res.body.updated_team_memberships, []);
    assert.deepEqual(await membersOf(), [
      { user_id: "default_user_id", user_email: null, role: "admin" },
      { user_id: "u1", user_email: null, role: "user" },
    ]);
    const user = ctx.emu.store.getUser("u1")!;
    assert.equal(user.updated_at, now, "the write stamps updated_at");
    const info = await get(ctx.emu, "/user/info?user_id=u1");
    assert.deepEqual(info.body.user_info.teams, ["t1"]);
    assert.deepEqual(info.body.teams.map((t: any) => t.team_alias), ["backend"]);
  });

  it("keeps max_budget_in_team in a budget row the membership points at", async () => {
    await teamWithUser();
    const res = await post(ctx.emu, "/team/member_add", { team_id: "t1", member: { role: "user", user_id: "u1" }, max_budget_in_team: 2.5 });
    assert.equal(res.body.updated_team_memberships[0].litellm_budget_table.max_budget, 2.5);
    assert.equal(await budgetOf(), 2.5);
  });

  it("refuses a member already in the team with a ProxyException", async () => {
    await teamWithUser();
    await post(ctx.emu, "/team/member_add", { team_id: "t1", member: { role: "user", user_id: "u1" } });
    const again = await post(ctx.emu, "/team/member_add", { team_id: "t1", member: { role: "user", user_id: "u1" } });
    assert.equal(again.status, 400);
    assert.deepEqual(again.body, {
      error: {
        message:
          "User already in team. Member: user_id=u1, user_email=None. Existing members=[Member(user_id='default_user_id', user_email=None, role='admin'), Member(user_id='u1', user_email=None, role='user')]",
        type: "team_member_already_in_team",
        param: "member",
        code: "400",
      },
    });
  });

  it("needs an enterprise licence for admins, and answers 404 for an unknown team", async () => {
    await teamWithUser();
    const admin = await post(ctx.emu, "/team/member_add", { team_id: "t1", member: { role: "admin", user_id: "u1" } });
    assert.equal(admin.status, 400);
    assert.match(admin.body.detail.error, /^Assigning team admins is a premium feature\. You must be a LiteLLM Enterprise user/);
    const missing = await post(ctx.emu, "/team/member_add", { team_id: "nope", member: { role: "user", user_id: "u1" } });
    assert.deepEqual([missing.status, missing.body], [404, { detail: { error: "Team not found for team_id=nope" } }]);

    await teamWithUser(premium.emu);
    assert.equal((await post(premium.emu, "/team/member_add", { team_id: "t1", member: { role: "admin", user_id: "u1" } })).status, 200);
  });

  it("by email: finds the user, or creates an internal_user; an unknown user_id is created too", async () => {
    await teamWithUser();
    await post(ctx.emu, "/team/member_add", { team_id: "t1", member: { role: "user", user_email: "u1@example.com" } });
    await post(ctx.emu, "/team/member_add", { team_id: "t1", member: { role: "user", user_email: "new@example.com" } });
    await post(ctx.emu, "/team/member_add", { team_id: "t1", member: { role: "user", user_id: "ghost" } });
    const members = await membersOf();
    assert.deepEqual(members[1], { user_id: "u1", user_email: "u1@example.com", role: "user" });
    assert.match(members[2].user_id, UUID4);
    assert.equal(ctx.emu.store.getUser(members[2].user_id)!.user_email, "new@example.com");
    assert.equal(ctx.emu.store.getUser("ghost")!.user_role, "internal_user");
  });

  it("validates the member", async () => {
    await teamWithUser();
    const noId = await post(ctx.emu, "/team/member_add", { team_id: "t1", member: { role: "user" } });
    assert.equal(noId.status, 422);
    assert.equal(noId.body.detail[0].msg, "Value error, Either user id or user email must be provided");
    const badRole = await post(ctx.emu, "/team/member_add", { team_id: "t1", member: { role: "owner", user_id: "u1" } });
    assert.equal(badRole.body.detail[0].type, "literal_error");
    assert.equal(badRole.body.detail[0].msg, "Input should be 'admin' or 'user'");
  });
});

describe("POST /team/member_update", () => {
  it("changes the role in place; budget fields are patched: sent values set, null clears, absent is kept", async () => {
    await teamWithUser(premium.emu);
    await post(premium.emu, "/team/member_add", { team_id: "t1", member: { role: "user", user_id: "u1" }, max_budget_in_team: 1 });
    const res = await post(premium.emu, "/team/member_update", { team_id: "t1", user_id: "u1", role: "admin" });
    assert.deepEqual(res.body, { user_id: "u1", user_email: null, team_id: "t1", max_budget_in_team: null, tpm_limit: null, rpm_limit: null });
    assert.equal((await membersOf(premium.emu))[1].role, "admin");
    assert.equal(await budgetOf(premium.emu), 1, "an absent max_budget_in_team leaves the budget");
    await post(premium.emu, "/team/member_update", { team_id: "t1", user_id: "u1", max_budget_in_team: 7 });
    assert.equal(await budgetOf(premium.emu), 7);
    await post(premium.emu, "/team/member_update", { team_id: "t1", user_id: "u1", max_budget_in_team: null });
    assert.equal(await budgetOf(premium.emu), null);
  });

  it("legacy: an update without max_budget_in_team removes the member's budget", async () => {
    await teamWithUser(legacy.emu);
    await post(legacy.emu, "/team/member_add", { team_id: "t1", member: { role: "user", user_id: "u1" }, max_budget_in_team: 1 });
    await post(legacy.emu, "/team/member_update", { team_id: "t1", user_id: "u1", role: "admin" });
    assert.equal(await budgetOf(legacy.emu), null);
  });

  it("refuses admin without a licence, and answers 400 for a missing team or an unknown email", async () => {
    await teamWithUser();
    await post(ctx.emu, "/team/member_add", { team_id: "t1", member: { role: "user", user_id: "u1" } });
    const admin = await post(ctx.emu, "/team/member_update", { team_id: "t1", user_id: "u1", role: "admin" });
    assert.equal(admin.status, 400);
    assert.match(admin.body.detail, /^Assigning team admins is a premium feature/);
    const team = await post(ctx.emu, "/team/member_update", { team_id: "nope", user_id: "u1", role: "user" });
    assert.deepEqual([team.status, team.body], [400, { detail: { error: "Team id=nope does not exist in db" } }]);
    const email = await post(ctx.emu, "/team/member_update", { team_id: "t1", user_email: "x@y.z", role: "user" });
    assert.equal(email.status, 400);
    assert.match(email.body.detail.error, /^User id doesn't exist in team table\. Data=user_id=None user_email='x@y\.z' team_id='t1'/);
    assert.equal((await post(ctx.emu, "/team/member_update", { team_id: "t1" })).status, 422);
  });
});

describe("POST /team/member_delete", () => {
  it("removes the member, the team from the user's teams, and the membership row", async () => {
    await teamWithUser();
    await post(ctx.emu, "/team/member_add", { team_id: "t1", member: { role: "user", user_id: "u1" }, max_budget_in_team: 1 });
    const res = await post(ctx.emu, "/team/member_delete", { team_id: "t1", user_id: "u1" });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.members_with_roles.map((m: any) => m.user_id), ["default_user_id"]);
    assert.deepEqual(ctx.emu.store.getUser("u1")!.teams, []);
    assert.equal(ctx.emu.store.memberships.size, 0);
    assert.ok(ctx.emu.store.getUser("u1"), "the user stays");
  });

  it("answers 400 when the member or the team is missing", async () => {
    await teamWithUser();
    const member = await post(ctx.emu, "/team/member_delete", { team_id: "t1", user_id: "u1" });
    assert.deepEqual([member.status, member.body], [400, { detail: { error: "User not found in team" } }]);
    const team = await post(ctx.emu, "/team/member_delete", { team_id: "nope", user_id: "u1" });
    assert.deepEqual([team.status, team.body], [400, { detail: { error: "Team id=nope does not exist in db" } }]);
  });
});

describe("users and teams", () => {
  it("/user/delete takes the user out of its teams", async () => {
    await teamWithUser();
    await post(ctx.emu, "/team/member_add", { team_id: "t1", member: { role: "user", user_id: "u1" }, max_budget_in_team: 1 });
    await post(ctx.emu, "/user/delete", { user_ids: ["u1"] });
    assert.deepEqual((await membersOf()).map((m: any) => m.user_id), ["default_user_id"]);
    assert.equal(ctx.emu.store.memberships.size, 0);
  });

  it("/user/new joins the teams it names that exist, quietly skipping the others", async () => {
    await post(ctx.emu, "/team/new", { team_id: "t1" });
    const res = await post(ctx.emu, "/user/new", { user_id: "u2", teams: ["t1", "ghost", { team_id: "t1" }], auto_create_key: false });
    assert.equal(res.status, 200);
    assert.deepEqual(ctx.emu.store.getUser("u2")!.teams, ["t1"]);
    assert.deepEqual((await membersOf()).map((m: any) => m.user_id), ["default_user_id", "u2"]);
  });
});
