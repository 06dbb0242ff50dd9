// Drift, in-place changes and validation for the governance resources with the real terraform binary:
// changes and deletes made outside Terraform, what LiteLLM cannot clear (said in the plan), bad input refused
// before any API call, and a tag's apply, clean plan, import, clean plan and destroy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { adminCall } from "../support/emulator";
import { providerBlock, type Workspace } from "../support/terraform";
import { stateOf } from "./team-support";
import { governanceState, useGovernanceEmulator } from "./governance-support";

const ctx = useGovernanceEmulator();
const { workspaces } = ctx;

/** Replaces the workspace's configuration (teamWorkspaces writes it as main.tf after the provider block). */
function configure(ws: Workspace, config: string): void {
  ws.write({ "main.tf": `${providerBlock}\n${config}` });
}

async function requestCount(): Promise<number> {
  const res = await fetch(`${ctx.emu.url}/_emulator/requests`, { headers: { Authorization: `Bearer ${ctx.emu.masterKey}` } });
  return ((await res.json()) as { total: number }).total;
}

test("validation: attribute paths, and no call reaches LiteLLM", async () => {
  const before = await requestCount();
  const ws = workspaces.create(`
resource "litellm_budget" "b" {
  max_budget      = -1
  budget_duration = "fortnightly"
  tpm_limit       = 1.5
}

resource "litellm_organization" "o" {
  organization_alias = "o"
  budget_id          = "shared"
  max_budget         = 10
  metadata           = "[1]"
}

resource "litellm_organization_member" "m" {
  organization_id = "org"
  user_id         = "u"
  user_email      = "u@example.com"
  role            = "owner"
}

resource "litellm_tag" "t" {
  name   = ""
  models = [""]
}
`);
  const r = await ws.ok(["validate", "-json"], 1);
  const diags = (JSON.parse(r.stdout) as { diagnostics: { severity: string; summary: string; address?: string; detail: string }[] }).diagnostics;
  const at = diags.map((d) => `${d.address ?? ""} ${d.summary}`).sort();
  for (const expected of [
    "litellm_budget.b Invalid Attribute Value",
    "litellm_organization.o Conflicting Budget Settings",
    "litellm_organization_member.m Give Exactly One Of user_id And user_email",
    "litellm_tag.t Invalid Attribute Value",
  ]) {
    assert.ok(at.includes(expected), `${expected} in ${at.join("; ")}`);
  }
  const details = diags.map((d) => d.detail).join("\n");
  for (const attr of ["max_budget", "budget_duration", "tpm_limit", "metadata", "role", "name", "models"]) assert.match(details, new RegExp(attr), attr);
  assert.equal(await requestCount(), before, "validation made no API call");
});

test("drift: changed outside Terraform plans back; deleted outside Terraform is created again", async () => {
  const ws = workspaces.create(`
resource "litellm_budget" "b" {
  budget_id       = "drift-budget"
  max_budget      = 10
  budget_duration = "weekly"
}

resource "litellm_organization" "o" {
  organization_alias = "drift-org"
  max_budget         = 30
}

resource "litellm_tag" "t" {
  name        = "drift-tag"
  description = "as configured"
}
`);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const state = await stateOf(ws);
  const orgId = String(state.get("litellm_organization.o")!.organization_id);

  assert.equal((await adminCall(ctx.emu, "POST", "/budget/update", { budget_id: "drift-budget", max_budget: 99 })).status, 200);
  assert.equal((await adminCall(ctx.emu, "PATCH", "/organization/update", { organization_id: orgId, organization_alias: "renamed" })).status, 200);
  assert.equal((await adminCall(ctx.emu, "POST", "/tag/update", { name: "drift-tag", description: "changed" })).status, 200);
  // LiteLLM's own key inside metadata is not drift.
  assert.equal((await adminCall(ctx.emu, "PATCH", "/organization/update", { organization_id: orgId, metadata: { guardrails: ["pii"] } })).status, 200);
  const plan = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(plan.stdout, /max_budget\s+= 99 -> 10/);
  assert.match(plan.stdout, /organization_alias\s+= "renamed" -> "drift-org"/);
  assert.match(plan.stdout, /description\s+= "changed" -> "as configured"/);
  assert.match(plan.stdout, /Plan: 0 to add, 3 to change, 0 to destroy/);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  const org = (await governanceState(ctx.emu)).organizations.find((o) => o.organization_id === orgId)!;
  assert.deepEqual(org.metadata, { guardrails: ["pii"] }, "LiteLLM's own metadata keys survive an update");

  assert.equal((await adminCall(ctx.emu, "POST", "/budget/delete", { id: "drift-budget" })).status, 200);
  assert.equal((await adminCall(ctx.emu, "POST", "/tag/delete", { name: "drift-tag" })).status, 200);
  assert.equal((await adminCall(ctx.emu, "DELETE", "/organization/delete", { organization_ids: [orgId] })).status, 200);
  const gone = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(gone.stdout, /Plan: 3 to add, 0 to change, 0 to destroy/);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
});

test("what LiteLLM cannot clear is said in the plan: organization budget fields, metadata keys, a member's budget", async () => {
  const base = (budget: string, metadata: string, memberBudget: string) => `
resource "litellm_organization" "o" {
  organization_alias = "keep-org"
  ${budget}
  metadata = jsonencode(${metadata})
}

resource "litellm_user" "u" {
  user_email = "keep-member@example.com"
}

resource "litellm_organization_member" "m" {
  organization_id = litellm_organization.o.organization_id
  user_id         = litellm_user.u.user_id
  ${memberBudget}
}
`;
  const ws = workspaces.create(base("max_budget = 40", "{ a = 1, b = 2 }", "max_budget_in_organization = 5"));
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  configure(ws, base("", "{ a = 1, b = 2 }", ""));
  const kept = await ws.ok(["plan", "-json", "-detailed-exitcode"], 0);
  const warnings = kept.stdout
    .split("\n")
    .filter((line) => line.includes('"type":"diagnostic"'))
    .map((line) => (JSON.parse(line) as { diagnostic: { summary: string; address: string; detail: string } }).diagnostic)
    .filter((d) => d.summary === "LiteLLM Keeps This Value")
    .map((d) => `${d.address}: ${d.detail}`)
    .sort();
  assert.equal(warnings.length, 2, warnings.join("\n"));
  assert.match(warnings[0]!, /^litellm_organization\.o: LiteLLM cannot clear max_budget of an organization: it stays 40/);
  assert.match(warnings[1]!, /^litellm_organization_member\.m: LiteLLM cannot clear max_budget_in_organization of an organization member: it stays 5/);

  configure(ws, base("max_budget = 40", "{ a = 1 }", "max_budget_in_organization = 5"));
  const dropped = await ws.ok(["plan", "-no-color"], 1);
  assert.match(dropped.stderr, /LiteLLM Cannot Remove Metadata Keys/);
  assert.match(dropped.stderr, /cannot remove b/);
  configure(ws, base("max_budget = 40", "{ a = 1, b = 2 }", "max_budget_in_organization = 5"));
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
});

test("tag: apply, clean plan, an in-place change, import into a fresh state, clean plan, destroy", async () => {
  const config = (description: string) => `
resource "litellm_budget" "tag" {
  max_budget = 25
}

resource "litellm_tag" "t" {
  name        = "lifecycle-tag"
  description = "${description}"
  models      = ["gpt-4o-mini"]
  budget_id   = litellm_budget.tag.budget_id
}
`;
  const ws = workspaces.create(config("first"));
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  let tag = (await stateOf(ws)).get("litellm_tag.t")!;
  assert.equal(tag.max_budget, 25, "the shared budget's value");
  configure(ws, config("second"));
  const change = await ws.ok(["plan", "-no-color"]);
  assert.match(change.stdout, /Plan: 0 to add, 1 to change, 0 to destroy/);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const server = (await governanceState(ctx.emu)).tags.find((t) => t.name === "lifecycle-tag")!;
  assert.deepEqual([server.description, server.models], ["second", ["gpt-4o-mini"]], "models kept although only the description changed");
  tag = (await stateOf(ws)).get("litellm_tag.t")!;

  const fresh = workspaces.create(config("second"));
  await fresh.ok(["import", "-no-color", "litellm_budget.tag", String((await stateOf(ws)).get("litellm_budget.tag")!.budget_id)]);
  await fresh.ok(["import", "-no-color", "litellm_tag.t", "lifecycle-tag"]);
  await fresh.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  assert.ok(!(await governanceState(ctx.emu)).tags.some((t) => t.name === "lifecycle-tag"));
});

test("organization member: an existing membership is not adopted, and an unknown user is refused", async () => {
  const ws = workspaces.create(`
resource "litellm_organization" "o" {
  organization_alias = "adopt-org"
}

resource "litellm_user" "u" {
  user_email = "adopt-member@example.com"
}
`);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const state = await stateOf(ws);
  const orgId = String(state.get("litellm_organization.o")!.organization_id);
  const userId = String(state.get("litellm_user.u")!.user_id);
  assert.equal((await adminCall(ctx.emu, "POST", "/organization/member_add", { organization_id: orgId, member: { user_id: userId, role: "internal_user" } })).status, 200);
  ws.write({
    "members.tf": `
resource "litellm_organization_member" "m" {
  organization_id = litellm_organization.o.organization_id
  user_id         = litellm_user.u.user_id
}

resource "litellm_organization_member" "ghost" {
  organization_id = litellm_organization.o.organization_id
  user_id         = "no-such-user"
}
`,
  });
  const r = await ws.ok(["apply", "-auto-approve", "-no-color"], 1);
  const text = r.stderr.replace(/\s+/g, " ");
  assert.match(text, /already a member of organization/);
  assert.ok(text.includes(`terraform import <address> ${orgId}:${userId}`), text);
  assert.match(text, /LiteLLM has no user with user_id "no-such-user"/);
  const users = (await governanceState(ctx.emu)).users.map((u) => u.user_id);
  assert.ok(!users.includes("no-such-user"), "no bare user was created");
  ws.write({ "members.tf": "" });
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
});
