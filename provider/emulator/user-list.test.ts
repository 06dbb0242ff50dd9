import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { get, post, useEmulator } from "./emulator.test-support";

let now = Date.UTC(2026, 4, 1);
const ctx = useEmulator({ clock: () => now });

async function seedUsers() {
  const users = [
    { user_id: "u-alpha", user_email: "Alpha@Corp.com", user_role: "internal_user", spend: 3, user_alias: "b" },
    { user_id: "u-beta", user_email: "beta@corp.com", user_role: "proxy_admin", spend: 1, user_alias: "a" },
    { user_id: "x-gamma", user_email: "gamma@other.org", user_role: "internal_user", spend: 2 },
  ];
  for (const u of users) {
    now += 1000;
    await post(ctx.emu, "/user/new", u);
  }
}

const ids = (res: { body: any }) => res.body.users.map((u: any) => u.user_id);

describe("GET /user/list", () => {
  it("lists newest first with paging fields, key_count, and without max_parallel_requests/team_id/password", async () => {
    await seedUsers();
    const res = await get(ctx.emu, "/user/list");
    assert.equal(res.status, 200);
    assert.deepEqual(ids(res), ["x-gamma", "u-beta", "u-alpha"]);
    assert.equal(res.body.total, 3);
    assert.equal(res.body.page, 1);
    assert.equal(res.body.page_size, 25);
    assert.equal(res.body.total_pages, 1);
    const row = res.body.users[0];
    assert.equal(row.key_count, 1);
    for (const absent of ["max_parallel_requests", "team_id", "password"]) assert.equal(absent in row, false, absent);
  });

  it("filters by email (case-insensitive contains), role, and user_ids (one: contains; several: exact)", async () => {
    await seedUsers();
    assert.deepEqual(ids(await get(ctx.emu, "/user/list?user_email=CORP.com")), ["u-beta", "u-alpha"]);
    assert.deepEqual(ids(await get(ctx.emu, "/user/list?role=internal_user")), ["x-gamma", "u-alpha"]);
    assert.deepEqual(ids(await get(ctx.emu, "/user/list?user_ids=U-")), ["u-beta", "u-alpha"]);
    assert.deepEqual(ids(await get(ctx.emu, "/user/list?user_ids=u-alpha,x-gamma")), ["x-gamma", "u-alpha"]);
    assert.deepEqual(ids(await get(ctx.emu, "/user/list?user_ids=u-alph,x-gamma")), ["x-gamma"]);
  });

  it("pages and sorts", async () => {
    await seedUsers();
    const page2 = await get(ctx.emu, "/user/list?page=2&page_size=2&sort_by=user_id&sort_order=asc");
    assert.deepEqual(ids(page2), ["x-gamma"]);
    assert.equal(page2.body.total_pages, 2);
    assert.deepEqual(ids(await get(ctx.emu, "/user/list?sort_by=spend&sort_order=asc")), ["u-beta", "x-gamma", "u-alpha"]);
    assert.deepEqual(ids(await get(ctx.emu, "/user/list?sort_by=user_alias&sort_order=asc")), ["u-beta", "u-alpha", "x-gamma"], "nulls last ascending");
    const empty = await get(ctx.emu, "/user/list?user_email=nobody");
    assert.equal(empty.body.total, 0);
    assert.equal(empty.body.total_pages, 0);
  });

  it("answers 422 for page_size outside 1..100 and page < 1, 400 {detail} for a bad sort column", async () => {
    const big = await get(ctx.emu, "/user/list?page_size=101");
    assert.deepEqual(big.body, { detail: [{ type: "less_than_equal", loc: ["query", "page_size"], msg: "Input should be less than or equal to 100", input: "101", ctx: { le: 100 } }] });
    const zero = await get(ctx.emu, "/user/list?page=0");
    assert.equal(zero.status, 422);
    assert.equal(zero.body.detail[0].type, "greater_than_equal");
    const text = await get(ctx.emu, "/user/list?page=x");
    assert.equal(text.body.detail[0].type, "int_parsing");
    const sort = await get(ctx.emu, "/user/list?sort_by=password");
    assert.equal(sort.status, 400);
    assert.match(sort.body.detail.error, /^Invalid sort column/);
  });
});
