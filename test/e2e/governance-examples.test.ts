// The registry examples of litellm_budget, litellm_organization, litellm_organization_member, litellm_tag and
// their data sources apply as written against a fresh emulator, plan clean and destroy; import.sh's commands
// import what they name.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { adminCall } from "../support/emulator";
import { repoRoot } from "../support/terraform";
import { stateOf } from "./team-support";
import { governanceState, useGovernanceEmulator } from "./governance-support";

const ctx = useGovernanceEmulator();
const { workspaces } = ctx;

const example = (rel: string) => fs.readFileSync(path.join(repoRoot, "examples", rel), "utf8");
const reset = async () => assert.equal((await fetch(`${ctx.emu.url}/_emulator/reset`, { method: "POST", headers: { Authorization: `Bearer ${ctx.emu.masterKey}` } })).status, 200);

const examples = [
  "resources/litellm_budget/resource.tf",
  "resources/litellm_organization/resource.tf",
  "resources/litellm_organization_member/resource.tf",
  "resources/litellm_tag/resource.tf",
  "data-sources/litellm_budget/data-source.tf",
  "data-sources/litellm_organization/data-source.tf",
  "data-sources/litellm_organizations/data-source.tf",
];

for (const rel of examples) {
  test(`${rel} applies on a fresh emulator, plans clean and destroys`, async () => {
    await reset();
    const ws = workspaces.create(example(rel));
    await ws.ok(["apply", "-auto-approve", "-no-color"]);
    await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
    await ws.ok(["destroy", "-auto-approve", "-no-color"]);
    const left = await governanceState(ctx.emu);
    assert.deepEqual([left.organizations.length, left.tags.length], [0, 0], "destroy removes the organizations and tags");
  });
}

test("data-sources/litellm_organizations lists every organization", async () => {
  await reset();
  for (const alias of ["one", "two"]) assert.equal((await adminCall(ctx.emu, "POST", "/organization/new", { organization_alias: alias })).status, 200);
  const ws = workspaces.create(example("data-sources/litellm_organizations/data-source.tf"));
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const out = await ws.ok(["output", "-json", "organization_names"]);
  assert.deepEqual(JSON.parse(out.stdout), ["one", "two"]);
});

/** The `terraform import` lines of an import.sh, as argument lists. */
function importCommand(type: string): string[] {
  const line = example(`resources/${type}/import.sh`).split("\n").find((l) => l.startsWith("terraform import "));
  assert.ok(line, `${type}/import.sh shows a terraform import command`);
  return line.trim().split(/\s+/).slice(1);
}

test("import.sh for budget, organization, organization member and tag import what they name", async () => {
  await reset();
  const budget = importCommand("litellm_budget");
  const org = importCommand("litellm_organization");
  const member = importCommand("litellm_organization_member");
  const tag = importCommand("litellm_tag");
  // The IDs in import.sh are placeholders: make objects with exactly those IDs, so the commands run as written.
  const [orgId, userId] = [member[2]!.split(":")[0]!, member[2]!.split(":").slice(1).join(":")];
  assert.equal(orgId, org[2], "both examples use the same organization");
  assert.equal((await adminCall(ctx.emu, "POST", "/budget/new", { budget_id: budget[2], max_budget: 50, budget_duration: "1mo" })).status, 200);
  assert.equal((await adminCall(ctx.emu, "POST", "/organization/new", { organization_id: orgId, organization_alias: "research" })).status, 200);
  assert.equal((await adminCall(ctx.emu, "POST", "/user/new", { user_id: userId, user_email: "imported-analyst@example.com", auto_create_key: false })).status, 200);
  assert.equal((await adminCall(ctx.emu, "POST", "/organization/member_add", { organization_id: orgId, member: { user_id: userId, role: "internal_user" } })).status, 200);
  assert.equal((await adminCall(ctx.emu, "POST", "/tag/new", { name: tag[2], description: "Nightly batch jobs" })).status, 200);

  const ws = workspaces.create(`resource "litellm_budget" "interns" {
  budget_id       = ${JSON.stringify(budget[2])}
  max_budget      = 50
  budget_duration = "monthly"
}

resource "litellm_organization" "research" {
  organization_alias = "research"
}

resource "litellm_organization_member" "analyst" {
  organization_id = litellm_organization.research.organization_id
  user_id         = ${JSON.stringify(userId)}
}

resource "litellm_tag" "batch" {
  name        = ${JSON.stringify(tag[2])}
  description = "Nightly batch jobs"
}
`);
  for (const command of [budget, org, member, tag]) await ws.ok(["import", "-no-color", ...command.slice(1)]);
  const state = await stateOf(ws);
  assert.equal(state.get("litellm_organization_member.analyst")?.id, member[2]);
  assert.equal(state.get("litellm_budget.interns")?.budget_duration, "1mo", "an import holds LiteLLM's spelling");
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
});
