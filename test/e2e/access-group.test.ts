// litellm_access_group with the real terraform binary: apply, a clean plan, import into a fresh state, a clean
// plan; membership changed and the group deleted outside Terraform (the plan shows both); a replaced deployment;
// a group that already exists; validation with attribute paths and no API call; destroy strips the name.
import { test } from "node:test";
import assert from "node:assert/strict";
import { adminCall } from "../support/emulator";
import { providerBlock, type Workspace } from "../support/terraform";
import { stateOf } from "./team-support";
import { managementState } from "./keys-support";
import { useGovernanceEmulator } from "./governance-support";

const ctx = useGovernanceEmulator();
const { workspaces } = ctx;

const configure = (ws: Workspace, config: string) => ws.write({ "main.tf": `${providerBlock}\n${config}` });

const model = (name: string, modelName: string, base = "https://example.com") => `
resource "litellm_model" "${name}" {
  model_name          = "${modelName}"
  custom_llm_provider = "openai"
  base_model          = "${modelName}"
  model_api_base      = "${base}"
}
`;

const models = model("a1", "ag-alpha", "https://one.example.com") + model("a2", "ag-alpha", "https://two.example.com") + model("b", "ag-beta");

/** Group name → ids of the deployments carrying it, from the emulator's store. */
async function groupsOnServer(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const m of (await managementState(ctx.emu)).models) {
    for (const g of (m.model_info.access_groups as string[] | undefined) ?? []) (out[g] ??= []).push(m.model_id);
  }
  for (const ids of Object.values(out)) ids.sort();
  return out;
}

async function requestCount(): Promise<number> {
  const res = await fetch(`${ctx.emu.url}/_emulator/requests`, { headers: { Authorization: `Bearer ${ctx.emu.masterKey}` } });
  return ((await res.json()) as { total: number }).total;
}

test("access groups by model names and by deployment ids: apply, clean plan, import, clean plan, drift, destroy", async () => {
  const config = `${models}
resource "litellm_access_group" "by_name" {
  access_group = "ag-by-name"
  model_names  = [litellm_model.b.model_name, litellm_model.a1.model_name]
}

resource "litellm_access_group" "by_id" {
  access_group = "ag-by-id"
  model_ids    = [litellm_model.a2.id]
}

resource "litellm_key" "k" {
  key_alias = "ag-key"
  models    = [litellm_access_group.by_id.access_group]
}
`;
  const ws = workspaces.create(config);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  const state = await stateOf(ws);
  const id = (a: string) => String(state.get(`litellm_model.${a}`)!.id);
  const byName = state.get("litellm_access_group.by_name")!;
  const byId = state.get("litellm_access_group.by_id")!;
  assert.equal(byName.id, "ag-by-name");
  assert.deepEqual(byName.model_names, ["ag-beta", "ag-alpha"], "state keeps the order written");
  assert.deepEqual(byName.model_ids, [id("a1"), id("a2"), id("b")].sort(), "every deployment of the names, read back as an output");
  assert.deepEqual(byId.model_names, ["ag-alpha"]);
  assert.deepEqual(byId.model_ids, [id("a2")]);
  assert.deepEqual(await groupsOnServer(), { "ag-by-name": [id("a1"), id("a2"), id("b")].sort(), "ag-by-id": [id("a2")] });
  await ws.ok(["apply", "-refresh-only", "-auto-approve", "-no-color"]);
  const a2Groups = (await stateOf(ws)).get("litellm_model.a2")!.access_groups as string[];
  assert.deepEqual([...a2Groups].sort(), ["ag-by-id", "ag-by-name"], "the model shows its groups without a diff");

  // Import into a fresh state: both plans are clean.
  const fresh = workspaces.create(config);
  for (const a of ["a1", "a2", "b"]) await fresh.ok(["import", "-no-color", `litellm_model.${a}`, id(a)]);
  await fresh.ok(["import", "-no-color", "litellm_access_group.by_name", "ag-by-name"]);
  await fresh.ok(["import", "-no-color", "litellm_access_group.by_id", "ag-by-id"]);
  await fresh.ok(["import", "-no-color", "litellm_key.k", String(state.get("litellm_key.k")!.id)]);
  const imported = await fresh.terraform(["plan", "-detailed-exitcode", "-no-color"]);
  assert.equal(imported.code, 0, imported.stdout + imported.stderr);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  // Changed outside Terraform: a2 leaves ag-by-id, every ag-beta deployment leaves ag-by-name.
  assert.equal((await adminCall(ctx.emu, "PATCH", `/model/${id("a2")}/update`, { model_info: { access_groups: ["ag-by-name"] } })).status, 200);
  assert.equal((await adminCall(ctx.emu, "PATCH", `/model/${id("b")}/update`, { model_info: { access_groups: [] } })).status, 200);
  const drift = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(drift.stdout, /# litellm_access_group\.by_name will be updated in-place/);
  assert.match(drift.stdout, /\+ "ag-beta"/, "the missing model name shows");
  assert.match(drift.stdout, /# litellm_access_group\.by_id will be created/, "the group no deployment carries is gone");
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  assert.deepEqual(await groupsOnServer(), { "ag-by-name": [id("a1"), id("a2"), id("b")].sort(), "ag-by-id": [id("a2")] });

  // Deleted outside Terraform: the plan creates it again.
  assert.equal((await adminCall(ctx.emu, "DELETE", "/access_group/ag-by-name/delete")).status, 200);
  const gone = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(gone.stdout, /# litellm_access_group\.by_name will be created/);
  assert.match(gone.stdout, /Plan: 1 to add, 0 to change, 0 to destroy/);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);

  // An update replaces the membership: by_id moves to a1 and b.
  configure(ws, config.replace("model_ids    = [litellm_model.a2.id]", "model_ids    = [litellm_model.b.id, litellm_model.a1.id]"));
  const change = await ws.ok(["plan", "-no-color"]);
  assert.match(change.stdout, /model_names\s+= \[[^\]]*\] -> \(known after apply\)/, "the output list is unknown while the members change");
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  assert.deepEqual((await groupsOnServer())["ag-by-id"], [id("a1"), id("b")].sort());
  assert.deepEqual((await stateOf(ws)).get("litellm_access_group.by_id")!.model_names, ["ag-alpha", "ag-beta"]);

  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  assert.deepEqual((await managementState(ctx.emu)).models, [], "the models are gone");
});

test("a replaced deployment updates a group by model_ids, even when it was the group's only one", async () => {
  const config = (base: string) => `${model("only", "ag-solo", base)}
resource "litellm_access_group" "g" {
  access_group = "ag-solo-group"
  model_ids    = [litellm_model.only.id]
}
`;
  const ws = workspaces.create(config("https://first.example.com"));
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  // Changing model_api_base is in place; removing it replaces the deployment (and strips the group with it).
  configure(ws, config("https://first.example.com").replace(/\n\s*model_api_base\s*=.*\n/, "\n"));
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  const newId = String((await stateOf(ws)).get("litellm_model.only")!.id);
  assert.deepEqual((await groupsOnServer())["ag-solo-group"], [newId]);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
  assert.equal((await groupsOnServer())["ag-solo-group"], undefined);
});

test("a group some deployment already carries is refused with how to import it; the model's own list is honest", async () => {
  const ws = workspaces.create(`${model("m", "ag-taken")}
resource "litellm_access_group" "g" {
  access_group = "ag-taken-group"
  model_names  = [litellm_model.m.model_name]
}
`);
  await ws.ok(["apply", "-auto-approve", "-no-color", "-target=litellm_model.m"]);
  const modelId = String((await stateOf(ws)).get("litellm_model.m")!.id);
  assert.equal((await adminCall(ctx.emu, "PATCH", `/model/${modelId}/update`, { model_info: { access_groups: ["ag-taken-group"] } })).status, 200);
  const r = await ws.ok(["apply", "-auto-approve", "-no-color"], 1);
  assert.match(r.stderr.replace(/\s+/g, " "), /409.*already exists.*terraform import/);
  await ws.ok(["import", "-no-color", "litellm_access_group.g", "ag-taken-group"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);

  // A model that sets access_groups owns its whole list: a list without the group is a change the plan shows.
  configure(ws, `${model("m", "ag-taken").replace("}\n", '  access_groups = ["other"]\n}\n')}
resource "litellm_access_group" "g" {
  access_group = "ag-taken-group"
  model_names  = [litellm_model.m.model_name]
}
`);
  const plan = await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 2);
  assert.match(plan.stdout, /"ag-taken-group" -> "other"/);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
});

test("validation: one member list, a usable name, no empty lists, no LiteLLM-owned metadata keys; attribute paths and no API call", async () => {
  const before = await requestCount();
  const ws = workspaces.create(`
resource "litellm_access_group" "both" {
  access_group = "both"
  model_names  = ["a"]
  model_ids    = ["b"]
}

resource "litellm_access_group" "neither" {
  access_group = "neither"
}

resource "litellm_access_group" "slash" {
  access_group = "team/a"
  model_names  = []
}

resource "litellm_key" "k" {
  key_alias = "k"
  metadata  = jsonencode({ tags = ["x"], owner = "me" })
}

resource "litellm_organization" "o" {
  organization_alias = "o"
  metadata           = jsonencode({ guardrails = ["pii"] })
}
`);
  const r = await ws.ok(["validate", "-json"], 1);
  const diags = (JSON.parse(r.stdout) as { diagnostics: { summary: string; address?: string; detail: string; range?: unknown }[] }).diagnostics;
  const at = diags.map((d) => `${d.address ?? ""} ${d.summary}: ${d.detail}`);
  const has = (re: RegExp) => assert.ok(at.some((l) => re.test(l)), `${re} in\n${at.join("\n")}`);
  has(/litellm_access_group\.both Give Exactly One Of model_names And model_ids: Set only one of model_names and model_ids/);
  has(/litellm_access_group\.neither Give Exactly One Of model_names And model_ids: Set model_names or model_ids/);
  has(/litellm_access_group\.slash Invalid Attribute Value: .*access_group.*no slash/);
  has(/litellm_access_group\.slash Invalid Attribute Value: .*model_names.*at least one/);
  // LiteLLM's own metadata keys, on keys and organizations as on users and teams.
  has(/litellm_key\.k Metadata Key Belongs To LiteLLM: .*"tags".*Use the tags argument instead/);
  has(/litellm_organization\.o Metadata Key Belongs To LiteLLM: .*"guardrails".*Manage it in LiteLLM/);
  assert.equal(await requestCount(), before, "validation made no API call");
});

test("a key naming a group of wildcard deployments without a licence: LiteLLM's 403, told on models, and no key made", async () => {
  const made = await adminCall(ctx.emu, "POST", "/model/new", { model_name: "openai/*", litellm_params: { model: "openai/*" }, model_info: { id: "wild-1" } });
  assert.equal(made.status, 200);
  assert.equal((await adminCall(ctx.emu, "POST", "/access_group/new", { access_group: "wild-group", model_ids: ["wild-1"] })).status, 200);
  const keysBefore = (await managementState(ctx.emu)).keys.length;
  const ws = workspaces.create('resource "litellm_key" "wild" {\n  key_alias = "wild"\n  models    = ["wild-group"]\n}\n');
  const r = await ws.ok(["apply", "-auto-approve", "-no-color"], 1);
  const text = r.stderr.replace(/\s+/g, " ");
  assert.match(text, /Enterprise Licence Needed/);
  assert.match(text, /with litellm_key\.wild, on main\.tf line \d+, in resource "litellm_key" "wild": \d+: models =/);
  assert.match(text, /list the group's model names in models instead of the group/);
  assert.equal((await managementState(ctx.emu)).keys.length, keysBefore);
  assert.equal((await stateOf(ws)).size, 0);
});
