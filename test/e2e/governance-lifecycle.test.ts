// litellm_budget, litellm_organization and litellm_organization_member with the real terraform binary:
// apply, a clean plan, import into a fresh state, a clean plan, destroy.
import { test } from "node:test";
import assert from "node:assert/strict";
import { stateOf } from "./team-support";
import { governanceState, useGovernanceEmulator } from "./governance-support";

const ctx = useGovernanceEmulator();
const { workspaces } = ctx;

const config = `
resource "litellm_budget" "shared" {
  max_budget      = 500
  tpm_limit       = 100000
  budget_duration = "monthly"
}

resource "litellm_organization" "acme" {
  organization_alias = "acme"
  models             = ["gpt-4o", "claude-3-5-sonnet"]
  budget_id          = litellm_budget.shared.budget_id
  metadata           = jsonencode({ cost_center = "42", owner = "platform" })
}

resource "litellm_organization" "labs" {
  organization_alias = "labs"
  max_budget         = 50
  budget_duration    = "weekly"
}

resource "litellm_user" "alice" {
  user_email = "alice@example.com"
}

resource "litellm_organization_member" "alice" {
  organization_id            = litellm_organization.acme.organization_id
  user_email                 = litellm_user.alice.user_email
  role                       = "org_admin"
  max_budget_in_organization = 20
}
`;

test("budget, organizations and a member: apply, clean plan, import into a fresh state, clean plan, destroy", async () => {
  const ws = workspaces.create(config);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  const state = await stateOf(ws);
  const budget = state.get("litellm_budget.shared")!;
  const acme = state.get("litellm_organization.acme")!;
  const labs = state.get("litellm_organization.labs")!;
  const member = state.get("litellm_organization_member.alice")!;
  assert.equal(budget.budget_duration, "monthly", "state keeps the seed spelling");
  assert.equal(acme.budget_id, budget.budget_id);
  assert.equal(acme.max_budget, 500, "the shared budget's values");
  assert.equal(labs.max_budget, 50);
  assert.equal(labs.budget_duration, "weekly");
  assert.equal(member.id, `${acme.organization_id}:${state.get("litellm_user.alice")!.user_id}`);
  assert.equal(member.user_id, state.get("litellm_user.alice")!.user_id);

  const server = await governanceState(ctx.emu);
  const acmeRow = server.organizations.find((o) => o.organization_alias === "acme")!;
  assert.equal(acmeRow.budget_id, budget.budget_id);
  assert.deepEqual(acmeRow.metadata, { cost_center: "42", owner: "platform" });
  assert.deepEqual(acmeRow.members.map((m) => m.user_role), ["org_admin"]);
  const memberBudget = server.budgets.find((b) => b.budget_id === acmeRow.members[0]!.budget_id);
  assert.equal(memberBudget?.max_budget, 20, "member_add ignores the budget; member_update sets it");
  assert.equal(server.budgets.find((b) => b.budget_id === budget.budget_id)?.budget_duration, "1mo", "LiteLLM receives its own form");

  // Import every object into a fresh state: the plan is clean.
  const fresh = workspaces.create(config);
  await fresh.ok(["import", "-no-color", "litellm_budget.shared", String(budget.budget_id)]);
  await fresh.ok(["import", "-no-color", "litellm_organization.acme", String(acme.organization_id)]);
  await fresh.ok(["import", "-no-color", "litellm_organization.labs", String(labs.organization_id)]);
  await fresh.ok(["import", "-no-color", "litellm_user.alice", String(state.get("litellm_user.alice")!.user_id)]);
  await fresh.ok(["import", "-no-color", "litellm_organization_member.alice", String(member.id)]);
  const plan = await fresh.terraform(["plan", "-detailed-exitcode", "-no-color"]);
  assert.equal(plan.code, 0, plan.stdout + plan.stderr);

  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  const after = await governanceState(ctx.emu);
  assert.deepEqual(after.organizations, []);
  assert.ok(!after.budgets.some((b) => b.budget_id === budget.budget_id), "the shared budget is gone");
});
