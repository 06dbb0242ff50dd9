// litellm_key's budget arguments with real terraform: model_max_budget (LiteLLM's shape, enterprise licence),
// soft_budget (a budget row LiteLLM makes) and budget_id (a litellm_budget); apply, clean plan, import, clean
// plan, changes, destroy; and LiteLLM's refusal of model_max_budget without a licence.
import { test } from "node:test";
import assert from "node:assert/strict";
import { adminCall, type TestEmulator } from "../support/emulator";
import { providerBlock } from "../support/terraform";
import { managementState } from "./keys-support";
import { stateOf, teamTestFile } from "./team-support";

const perModel = `resource "litellm_key" "svc" {
  key_alias        = "budgeted"
  model_max_budget = { "gpt-4o" = { budget_limit = 12.5, time_period = "30d" }, "claude-3-5-sonnet" = { budget_limit = 4, time_period = "7d" } }
  soft_budget      = 8
}
`;

const shared = (link: boolean) => `resource "litellm_budget" "team" {
  budget_id  = "shared-budget"
  max_budget = 100
}

resource "litellm_key" "svc" {
  key_alias = "linked"
${link ? "  budget_id = litellm_budget.team.budget_id\n" : ""}}
`;

let emu: TestEmulator;
let licensed: TestEmulator;
const workspaces = teamTestFile({ resetEachTest: true }, (e) => (emu = e));
const licensedWorkspaces = teamTestFile({ enterprise: true, resetEachTest: true }, (e) => (licensed = e));

async function keyInfo(e: TestEmulator, alias: string): Promise<Record<string, unknown>> {
  const token = (await managementState(e)).keys.find((k) => k.key_alias === alias)!.token;
  const res = await adminCall(e, "GET", `/key/info?key=${token}`);
  return (res.body as { info: Record<string, unknown> }).info;
}

test("model_max_budget and soft_budget with a licence: apply, clean plan, import, clean plan, a new soft budget, destroy", async () => {
  const ws = licensedWorkspaces.create(perModel);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  const info = await keyInfo(licensed, "budgeted");
  assert.deepEqual(info.model_max_budget, { "gpt-4o": { budget_limit: 12.5, time_period: "30d" }, "claude-3-5-sonnet": { budget_limit: 4, time_period: "7d" } });
  const budget = info.litellm_budget_table as Record<string, unknown>;
  assert.equal(budget.soft_budget, 8);
  const state = (await stateOf(ws)).get("litellm_key.svc")!;
  assert.equal(state.budget_id, info.budget_id, "the budget row LiteLLM made is in state");

  const fresh = licensedWorkspaces.create(perModel);
  await fresh.ok(["import", "-no-color", "litellm_key.svc", "budgeted"]);
  const plan = await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  assert.match(plan.stdout, /No changes/);

  // /key/update cannot change a soft budget: a new budget row holds it, and the plan says budget_id changes.
  fresh.write({ "main.tf": providerBlock + perModel.replace("soft_budget      = 8", "soft_budget      = 9") });
  const change = await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(change.stdout, /~ soft_budget\s+= 8 -> 9/);
  assert.match(change.stdout, /~ budget_id\s+= ".*" -> \(known after apply\)/);
  await fresh.ok(["apply", "-auto-approve", "-no-color"]);
  const after = await keyInfo(licensed, "budgeted");
  assert.equal((after.litellm_budget_table as Record<string, unknown>).soft_budget, 9);
  assert.notEqual(after.budget_id, info.budget_id);
  await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  // Removing both clears them: per-model budgets sent as {}, the budget row unlinked.
  fresh.write({ "main.tf": providerBlock + 'resource "litellm_key" "svc" {\n  key_alias = "budgeted"\n}\n' });
  await fresh.ok(["apply", "-auto-approve", "-no-color"]);
  const cleared = await keyInfo(licensed, "budgeted");
  assert.deepEqual([cleared.model_max_budget, cleared.budget_id], [{}, null]);
  await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  await fresh.ok(["destroy", "-auto-approve", "-no-color"]);
  assert.equal((await managementState(licensed)).keys.length, 0);
});

test("model_max_budget without an enterprise licence: LiteLLM's refusal says so, and no key is left behind", async () => {
  const ws = workspaces.create(perModel.replace("  soft_budget      = 8\n", ""));
  const r = await ws.ok(["apply", "-auto-approve", "-no-color"], 1);
  assert.match(r.stderr, /Cannot Create Key/);
  assert.match(r.stderr.replace(/\s+/g, " "), /enterprise license to set model_max_budget/);
  assert.match(r.stderr.replace(/\s+/g, " "), /LITELLM_LICENSE/);
  assert.equal((await managementState(emu)).keys.length, 0);
  assert.equal((await stateOf(ws)).size, 0);
});

test("budget_id names a litellm_budget: apply, clean plan, import, clean plan, unlink", async () => {
  const ws = workspaces.create(shared(true));
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  const info = await keyInfo(emu, "linked");
  assert.equal(info.budget_id, "shared-budget");
  assert.equal((info.litellm_budget_table as Record<string, unknown>).max_budget, 100);

  const fresh = workspaces.create(shared(true));
  await fresh.ok(["import", "-no-color", "litellm_budget.team", "shared-budget"]);
  await fresh.ok(["import", "-no-color", "litellm_key.svc", "linked"]);
  await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  fresh.write({ "main.tf": providerBlock + shared(false) });
  const unlink = await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(unlink.stdout, /- budget_id\s+= "shared-budget" -> null/);
  await fresh.ok(["apply", "-auto-approve", "-no-color"]);
  assert.equal((await keyInfo(emu, "linked")).budget_id, null);
  assert.ok((await adminCall(emu, "POST", "/budget/info", { budgets: ["shared-budget"] })).status === 200, "the shared budget stays");
  await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
});

/** Every budget row the emulator holds, by id. */
async function budgetIds(e: TestEmulator): Promise<string[]> {
  return ((await adminCall(e, "GET", "/budget/list")).body as { budget_id: string }[]).map((b) => b.budget_id).sort();
}

const softKey = (amount: number) => `resource "litellm_key" "svc" {\n  key_alias   = "soft"\n  soft_budget = ${amount}\n}\n`;

test("soft_budget changed twice: only the key's current budget row remains, and destroy removes it", async () => {
  const ws = workspaces.create(softKey(5));
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const first = (await keyInfo(emu, "soft")).budget_id as string;
  assert.deepEqual(await budgetIds(emu), [first], "the row LiteLLM made at /key/generate");
  for (const amount of [6, 7]) {
    ws.write({ "main.tf": providerBlock + softKey(amount) });
    await ws.ok(["apply", "-auto-approve", "-no-color"]);
    const info = await keyInfo(emu, "soft");
    assert.equal((info.litellm_budget_table as Record<string, unknown>).soft_budget, amount);
    assert.deepEqual(await budgetIds(emu), [info.budget_id], `after soft_budget = ${amount}, one row: the key's`);
    await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  }
  // Named instead: the key's own row goes, the named one stays.
  ws.write({ "main.tf": providerBlock + shared(true).replace('key_alias = "linked"', 'key_alias = "soft"') });
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  assert.deepEqual(await budgetIds(emu), ["shared-budget"]);
  ws.write({ "main.tf": providerBlock + softKey(8) });
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  assert.deepEqual(await budgetIds(emu), [(await keyInfo(emu, "soft")).budget_id], "the named budget was Terraform's: destroyed; the new row is the key's");
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  assert.deepEqual(await budgetIds(emu), []);
  assert.equal((await managementState(emu)).keys.length, 0);
});

test("a budget row another key names, or an imported key's, is never deleted", async () => {
  // Made outside Terraform: a key with a soft budget, and a second key linked to the row LiteLLM made for it.
  const outside = await adminCall(emu, "POST", "/key/generate", { key_alias: "outside", soft_budget: 3 });
  const row = (outside.body as { budget_id: string }).budget_id;
  assert.equal((await adminCall(emu, "POST", "/key/generate", { key_alias: "peer", budget_id: row })).status, 200);
  const ws = workspaces.create(softKey(3).replace('"soft"', '"outside"'));
  await ws.ok(["import", "-no-color", "litellm_key.svc", "outside"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  ws.write({ "main.tf": providerBlock + softKey(4).replace('"soft"', '"outside"') });
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  assert.ok((await budgetIds(emu)).includes(row), "an imported key owns no row: the shared one stays");
  assert.equal((await keyInfo(emu, "peer")).budget_id, row);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  assert.ok((await budgetIds(emu)).includes(row));

  // A row Terraform's key owns, that another key came to name: kept, with a warning saying why.
  const own = workspaces.create(softKey(5));
  await own.ok(["apply", "-auto-approve", "-no-color"]);
  const mine = (await keyInfo(emu, "soft")).budget_id as string;
  assert.equal((await adminCall(emu, "POST", "/key/generate", { key_alias: "copier", budget_id: mine })).status, 200);
  own.write({ "main.tf": providerBlock + softKey(6) });
  const changed = await own.ok(["apply", "-auto-approve", "-no-color"]);
  assert.match(changed.stdout + changed.stderr, /Budget Row Kept/);
  assert.match((changed.stdout + changed.stderr).replace(/\s+/g, " "), /another key uses it/);
  assert.ok((await budgetIds(emu)).includes(mine));
  assert.equal((await keyInfo(emu, "copier")).budget_id, mine);
  await own.ok(["destroy", "-auto-approve", "-no-color"]);
  assert.ok((await budgetIds(emu)).includes(mine), "still named by the other key");
});
