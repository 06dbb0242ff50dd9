// Moving a workspace, state included: users, teams and a membership managed by another LiteLLM provider, with
// a state file written in that provider's documented shape (metadata as a map, its extra attributes), are
// moved with `terraform state replace-provider`; the first plan with litellm-tf is clean, as docs/migrating.md
// says. The state is built here from the peers' documented attributes, for objects that exist in LiteLLM.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { TestEmulator } from "../support/emulator";
import { adminCall } from "../support/emulator";
import { createWorkspace, type Workspace } from "../support/terraform";
import { startTeamEmulator } from "../e2e/team-support";
import { withOurSource } from "./migration-support";

let emu: TestEmulator;
const workspaces: Workspace[] = [];
before(async () => {
  emu = await startTeamEmulator({ enterprise: true });
});
after(async () => {
  for (const ws of workspaces) ws.dispose();
  await emu.close();
});

const peerConfig = `terraform {
  required_providers {
    litellm = {
      source = "ncecere/litellm"
    }
  }
}

provider "litellm" {}

resource "litellm_team" "engineering" {
  team_alias = "engineering"
}

resource "litellm_user" "full" {
  user_id         = "test-user-full"
  user_alias      = "Test User Full"
  user_email      = "testuser@example.com"
  user_role       = "internal_user"
  max_budget      = 200.0
  budget_duration = "30d"
  tpm_limit       = 50000
  rpm_limit       = 500
  auto_create_key = true

  teams  = []
  models = ["gpt-4o", "gpt-4o-mini"]

  metadata = {
    "department" = "engineering"
  }
}

resource "litellm_user" "developer" {
  user_id    = "developer-1"
  user_email = "developer@example.com"
}

resource "litellm_team_member" "developer" {
  team_id    = litellm_team.engineering.id
  user_id    = "developer-1"
  user_email = "developer@example.com"
  role       = "user"
}
`;

async function call(path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await adminCall(emu, "POST", path, body);
  assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

function instance(type: string, name: string, attributes: Record<string, unknown>) {
  return {
    mode: "managed",
    type,
    name,
    provider: 'provider["registry.terraform.io/ncecere/litellm"]',
    instances: [{ schema_version: 0, attributes, sensitive_attributes: [] }],
  };
}

test("state replace-provider, then the first plan is clean; apply and destroy work on the moved state", async () => {
  // What the peer provider made in LiteLLM.
  const teamId = randomUUID();
  await call("/team/new", { team_id: teamId, team_alias: "engineering" });
  const created = await call("/user/new", {
    user_id: "test-user-full", user_alias: "Test User Full", user_email: "testuser@example.com", user_role: "internal_user",
    max_budget: 200, budget_duration: "30d", tpm_limit: 50000, rpm_limit: 500, models: ["gpt-4o", "gpt-4o-mini"],
    metadata: { department: "engineering" }, auto_create_key: true,
  });
  await call("/user/new", { user_id: "developer-1", user_email: "developer@example.com", auto_create_key: false });
  await call("/team/member_add", { team_id: teamId, member: { user_id: "developer-1", user_email: "developer@example.com", role: "user" } });

  // The peer's state for them, in its documented attributes (ncecere v2 docs/resources/*.md).
  const state = {
    version: 4,
    terraform_version: "1.11.4",
    serial: 3,
    lineage: randomUUID(),
    outputs: {},
    resources: [
      instance("litellm_team", "engineering", {
        id: teamId, team_alias: "engineering", organization_id: null, metadata: {}, tpm_limit: null, rpm_limit: null,
        tpm_limit_type: null, rpm_limit_type: null, max_budget: null, budget_duration: null, models: [], model_aliases: {},
        model_rpm_limit: {}, model_tpm_limit: {}, tags: [], guardrails: [], prompts: [], blocked: false, team_member_permissions: [],
        team_member_budget: null, team_member_rpm_limit: null, team_member_tpm_limit: null, router_settings: null,
      }),
      instance("litellm_user", "full", {
        id: "test-user-full", user_id: "test-user-full", user_alias: "Test User Full", user_email: "testuser@example.com",
        user_role: "internal_user", max_budget: 200, budget_duration: "30d", tpm_limit: 50000, rpm_limit: 500,
        auto_create_key: true, teams: [], models: ["gpt-4o", "gpt-4o-mini"], metadata: { department: "engineering" }, key: created.key,
      }),
      instance("litellm_user", "developer", {
        id: "developer-1", user_id: "developer-1", user_alias: null, user_email: "developer@example.com", user_role: null,
        max_budget: null, budget_duration: null, tpm_limit: null, rpm_limit: null, auto_create_key: true, teams: [teamId],
        models: [], metadata: {}, key: null,
      }),
      instance("litellm_team_member", "developer", {
        id: `${teamId}:developer-1`, team_id: teamId, user_id: "developer-1", user_email: "developer@example.com", role: "user",
        max_budget_in_team: null,
      }),
    ],
  };
  const ws = createWorkspace({
    apiBase: emu.url,
    apiKey: emu.masterKey,
    files: { "main.tf": withOurSource(peerConfig).text, "terraform.tfstate": JSON.stringify(state, null, 2) },
  });
  workspaces.push(ws);

  const moved = await ws.ok(["state", "replace-provider", "-auto-approve", "-no-color", "registry.terraform.io/ncecere/litellm", "registry.terraform.io/litellm-tf/litellm"]);
  assert.match(moved.stdout, /Successfully replaced provider for 4 resources/);

  // Only the differences docs/migrating.md names: auto_create_key's default on the user that had no key, and
  // empty values the peer stored for arguments the configuration leaves out, which go to null (LiteLLM unchanged).
  const plan = await ws.terraform(["plan", "-no-color", "-detailed-exitcode"]);
  const shown = plan.stdout + plan.stderr;
  assert.doesNotMatch(shown, /Error|Warning: LiteLLM/, shown);
  assert.doesNotMatch(shown, /will be (created|destroyed|replaced)|must be replaced/, shown);
  const changed = shown.split("\n").filter((l) => /^\s+[-~+] \w+\s+=/.test(l));
  const named = (l: string) =>
    /^\s+- \w+\s+= (\{\}|\[\]) -> null$/.test(l) ||
    /^\s+~ (spend|updated_at)\s+= .* -> \(known after apply\)$/.test(l) ||
    /^\s+~ auto_create_key\s+= true -> false$/.test(l);
  assert.deepEqual(changed.filter((l) => !named(l)), [], shown);
  assert.ok(changed.some((l) => /auto_create_key/.test(l)), "the auto_create_key default is the one difference that matters");

  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  const again = await ws.terraform(["plan", "-no-color", "-detailed-exitcode"]);
  assert.equal(again.code, 0, `clean after the first apply:\n${again.stdout}${again.stderr}`);
  const fullUser = (await adminCall(emu, "GET", "/user/info?user_id=test-user-full")).body as { keys: unknown[] };
  assert.equal(fullUser.keys.length, 1, "the moved key is kept, not re-issued");
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
});
