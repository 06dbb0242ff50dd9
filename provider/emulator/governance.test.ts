// The /budget, /organization and /tag routes: LiteLLM's status codes, bodies and quirks (docs/litellm-api.md).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { call, get, post, useEmulator, UUID4 } from "./emulator.test-support";

const ctx = useEmulator();
const patch = (path: string, body: unknown) => call(ctx.emu, "PATCH", path, { body });
const del = (path: string, body: unknown) => call(ctx.emu, "DELETE", path, { body });

describe("/budget/*", () => {
  it("creates with a generated or given id; a duplicate id is 400 in {detail: {error}}", async () => {
    const made = await post(ctx.emu, "/budget/new", { max_budget: 10, budget_duration: "1d" });
    assert.equal(made.status, 200);
    assert.match(made.body.budget_id, UUID4);
    assert.notEqual(made.body.budget_reset_at, null, "budget_reset_at follows budget_duration");
    assert.equal((await post(ctx.emu, "/budget/new", { budget_id: "b1" })).status, 200);
    const dup = await post(ctx.emu, "/budget/new", { budget_id: "b1" });
    assert.deepEqual([dup.status, dup.body], [400, { detail: { error: "Budget with id 'b1' already exists." } }]);
  });

  it("refuses negative amounts, and model_max_budget without an enterprise licence", async () => {
    const neg = await post(ctx.emu, "/budget/new", { max_budget: -1 });
    assert.deepEqual([neg.status, neg.body.detail.error], [400, "max_budget must be a non-negative finite number. Received: -1.0"]);
    const mmb = await post(ctx.emu, "/budget/new", { model_max_budget: { "gpt-4o": { budget_limit: 1, time_period: "1d" } } });
    assert.equal(mmb.status, 400);
    assert.match(mmb.body.detail.error, /^Invalid model_max_budget: You must have an enterprise license to set model_max_budget\./);
  });

  it("info leaves unknown ids out; update writes what is sent (null clears) and answers null for an unknown id; delete answers null for one", async () => {
    await post(ctx.emu, "/budget/new", { budget_id: "b2", max_budget: 5, tpm_limit: 7 });
    assert.deepEqual((await post(ctx.emu, "/budget/info", { budgets: ["b2", "nope"] })).body.map((b: { budget_id: string }) => b.budget_id), ["b2"]);
    assert.equal((await post(ctx.emu, "/budget/info", { budgets: [] })).status, 400);
    const up = await post(ctx.emu, "/budget/update", { budget_id: "b2", max_budget: null });
    assert.deepEqual([up.status, up.body.max_budget, up.body.tpm_limit], [200, null, 7]);
    assert.deepEqual([(await post(ctx.emu, "/budget/update", { budget_id: "nope", max_budget: 1 })).text], ["null"]);
    assert.deepEqual((await post(ctx.emu, "/budget/update", { max_budget: 1 })).body, { detail: { error: "budget_id is required" } });
    assert.equal((await post(ctx.emu, "/budget/delete", { id: "nope" })).text, "null");
    assert.equal((await post(ctx.emu, "/budget/delete", { id: "b2" })).body.budget_id, "b2");
  });

  it("a budget an organization still uses cannot be deleted (a plain 500)", async () => {
    await post(ctx.emu, "/budget/new", { budget_id: "used" });
    await post(ctx.emu, "/organization/new", { organization_alias: "o", budget_id: "used" });
    const res = await post(ctx.emu, "/budget/delete", { id: "used" });
    assert.deepEqual([res.status, res.text], [500, "Internal Server Error"]);
  });

  it("a budget keys still use is deleted all the same: their budget_id is cleared (ON DELETE SET NULL)", async () => {
    await post(ctx.emu, "/budget/new", { budget_id: "linked", max_budget: 9 });
    const a = await post(ctx.emu, "/key/generate", { budget_id: "linked" });
    const b = await post(ctx.emu, "/key/generate", { budget_id: "linked" });
    assert.equal(ctx.emu.store.getKey(a.body.token)!.budget_id, "linked");
    assert.equal((await post(ctx.emu, "/budget/delete", { id: "linked" })).status, 200);
    assert.deepEqual([ctx.emu.store.getKey(a.body.token)!.budget_id, ctx.emu.store.getKey(b.body.token)!.budget_id], [null, null]);
    assert.equal(ctx.emu.store.budgets.has("linked"), false);
  });
});

describe("/organization/*", () => {
  it("new makes a budget of its own from the budget fields, shown only in litellm_budget_table", async () => {
    const res = await post(ctx.emu, "/organization/new", { organization_alias: "acme", max_budget: 30, model_rpm_limit: { "gpt-4o": 5 } });
    assert.equal(res.status, 200);
    assert.equal(res.body.max_budget, undefined);
    assert.equal(res.body.litellm_budget_table.max_budget, 30);
    assert.equal(res.body.litellm_budget_table.budget_id, res.body.budget_id);
    assert.deepEqual(res.body.metadata, { model_rpm_limit: { "gpt-4o": 5 } }, "model_rpm_limit is kept in metadata");
    const bare = await post(ctx.emu, "/organization/new", { organization_alias: "bare" });
    assert.ok(ctx.emu.store.budgets.has(bare.body.budget_id), "a budget even with no budget fields");
    assert.equal((await post(ctx.emu, "/organization/new", {})).status, 422, "organization_alias is required");
  });

  it("info and list; unknown is 404 {detail: {error}}; list filters the alias case-insensitively by contains", async () => {
    const a = await post(ctx.emu, "/organization/new", { organization_alias: "Research Lab" });
    await post(ctx.emu, "/organization/new", { organization_alias: "sales" });
    const info = await get(ctx.emu, `/organization/info?organization_id=${a.body.organization_id}`);
    assert.deepEqual([info.body.members, info.body.teams], [[], []]);
    assert.deepEqual((await get(ctx.emu, "/organization/info?organization_id=nope")).body, { detail: { error: "Organization not found" } });
    const listed = await get(ctx.emu, "/organization/list?org_alias=lab");
    assert.deepEqual(listed.body.map((o: { organization_alias: string }) => o.organization_alias), ["Research Lab"]);
  });

  it("update merges metadata (keys never removed, numeric strings become numbers) and writes only non-null budget fields", async () => {
    const o = await post(ctx.emu, "/organization/new", { organization_alias: "m", max_budget: 10, metadata: { a: 1, b: 2 } });
    const up = await patch("/organization/update", { organization_id: o.body.organization_id, metadata: { a: null, c: "3" }, max_budget: null, tpm_limit: 9 });
    assert.equal(up.status, 200);
    assert.deepEqual(up.body.metadata, { a: 1, b: 2, c: 3 });
    assert.deepEqual([up.body.litellm_budget_table.max_budget, up.body.litellm_budget_table.tpm_limit], [10, 9]);
    const unknown = await patch("/organization/update", { organization_id: "nope", organization_alias: "x" });
    assert.equal(unknown.status, 500);
  });

  it("delete takes the organization's teams, memberships and keys; an unknown id is 404 after the earlier ones are gone", async () => {
    const o = await post(ctx.emu, "/organization/new", { organization_alias: "d" });
    const id = o.body.organization_id;
    await post(ctx.emu, "/team/new", { team_alias: "in-org", organization_id: id });
    await post(ctx.emu, "/user/new", { user_id: "u1", auto_create_key: false });
    await post(ctx.emu, "/organization/member_add", { organization_id: id, member: { user_id: "u1", role: "internal_user" } });
    const res = await del("/organization/delete", { organization_ids: [id, "nope"] });
    assert.deepEqual([res.status, res.body], [404, { detail: { error: "Organization=nope not found" } }]);
    assert.equal(ctx.emu.store.organizations.size, 0);
    assert.equal([...ctx.emu.store.teams.values()].filter((t) => t.organization_id === id).length, 0);
    assert.equal(ctx.emu.store.orgMemberships.size, 0);
    assert.ok(ctx.emu.store.budgets.has(o.body.budget_id), "the budget stays");
  });

  it("member_add creates unknown users, refuses an existing membership with 500, and ignores max_budget_in_organization", async () => {
    const o = await post(ctx.emu, "/organization/new", { organization_alias: "mem" });
    const id = o.body.organization_id;
    const add = await post(ctx.emu, "/organization/member_add", { organization_id: id, member: { user_email: "new@example.com", role: "org_admin" }, max_budget_in_organization: 5 });
    assert.equal(add.status, 200);
    const userId = add.body.updated_users[0].user_id;
    assert.equal(ctx.emu.store.getUser(userId)?.user_role, "internal_user", "a bare user was made");
    assert.equal(add.body.updated_organization_memberships[0].budget_id, null);
    const again = await post(ctx.emu, "/organization/member_add", { organization_id: id, member: { user_id: userId, role: "internal_user" } });
    assert.equal(again.status, 500);
    assert.match(again.body.error.message, /^Authentication Error, Error adding member=/);
    const missing = await post(ctx.emu, "/organization/member_add", { organization_id: "nope", member: { user_id: userId, role: "internal_user" } });
    assert.deepEqual([missing.status, missing.body.error.type, missing.body.error.message], [404, "auth_error", "{'error': 'Organization not found for organization_id=nope'}"]);
    const role = await post(ctx.emu, "/organization/member_add", { organization_id: id, member: { user_id: userId, role: "owner" } });
    assert.equal(role.status, 422);
  });

  it("member_update sets the role and a budget of the member's own; member_delete answers null when there is none", async () => {
    const o = await post(ctx.emu, "/organization/new", { organization_alias: "mu" });
    const id = o.body.organization_id;
    await post(ctx.emu, "/user/new", { user_id: "u2", auto_create_key: false });
    await post(ctx.emu, "/organization/member_add", { organization_id: id, member: { user_id: "u2", role: "internal_user" } });
    const up = await patch("/organization/member_update", { organization_id: id, user_id: "u2", role: "org_admin", max_budget_in_organization: 12 });
    assert.deepEqual([up.status, up.body.user_role, up.body.litellm_budget_table.max_budget], [200, "org_admin", 12]);
    const notMember = await patch("/organization/member_update", { organization_id: id, user_id: "u9", role: "org_admin" });
    assert.deepEqual([notMember.status, notMember.body], [404, { detail: { error: "Member not found in organization for user_id=u9" } }]);
    assert.equal((await del("/organization/member_delete", { organization_id: id, user_id: "u2" })).body.user_id, "u2");
    assert.equal((await del("/organization/member_delete", { organization_id: id, user_id: "u2" })).text, "null");
  });
});

describe("/tag/*", () => {
  it("new, info with the budget, update replacing description and models, delete", async () => {
    const made = await post(ctx.emu, "/tag/new", { name: "t", description: "d", models: ["m"], max_budget: 3 });
    assert.deepEqual([made.status, made.body.message], [200, "Tag t created successfully"]);
    const info = await post(ctx.emu, "/tag/info", { names: ["t"] });
    assert.equal(info.body.t.litellm_budget_table.max_budget, 3);
    const up = await post(ctx.emu, "/tag/update", { name: "t" });
    assert.deepEqual([up.body.tag.description, up.body.tag.models], [null, []], "left out: cleared");
    assert.equal((await post(ctx.emu, "/tag/info", { names: ["t"] })).body.t.litellm_budget_table.max_budget, 3, "budget values stay");
    assert.deepEqual((await post(ctx.emu, "/tag/delete", { name: "t" })).body, { message: "Tag t deleted successfully" });
  });

  it("every error is a 500 whose detail starts with the real status", async () => {
    await post(ctx.emu, "/tag/new", { name: "x" });
    assert.deepEqual((await post(ctx.emu, "/tag/new", { name: "x" })).body, { detail: "400: Tag x already exists" });
    const missing = await post(ctx.emu, "/tag/info", { names: ["y"] });
    assert.deepEqual([missing.status, missing.body], [500, { detail: "404: Tags not found: ['y']" }]);
    assert.deepEqual((await post(ctx.emu, "/tag/delete", { name: "y" })).body, { detail: "404: Tag y not found" });
    assert.deepEqual((await post(ctx.emu, "/tag/update", { name: "y" })).body, { detail: "404: Tag y not found" });
  });
});
