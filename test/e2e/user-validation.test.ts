// Issue 3, validation: `terraform validate` (and plan) fail with the attribute's path for every rule (email,
// role, durations, non-negative numbers, metadata as a JSON object), no API request is made, and values
// unknown at validate are accepted.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startUserTestEnv, tf, type UserTestEnv } from "./user-support";

interface Case {
  name: string;
  attribute: string;
  hcl: string;
  /** What the detail must name: the attribute path. */
  path: string;
}

const cases: Case[] = [
  { name: "email", attribute: "user_email", hcl: `"not-an-email"`, path: "user_email" },
  { name: "role", attribute: "user_role", hcl: `"owner"`, path: "user_role" },
  { name: "duration_word", attribute: "budget_duration", hcl: `"yearly"`, path: "budget_duration" },
  { name: "duration_months", attribute: "budget_duration", hcl: `"2mo"`, path: "budget_duration" },
  { name: "duration_case", attribute: "budget_duration", hcl: `"1D"`, path: "budget_duration" },
  { name: "metadata_list", attribute: "metadata", hcl: `jsonencode([1, 2])`, path: "metadata" },
  { name: "metadata_string", attribute: "metadata", hcl: `jsonencode("team")`, path: "metadata" },
  { name: "metadata_text", attribute: "metadata", hcl: `"not json"`, path: "metadata" },
  { name: "budget", attribute: "max_budget", hcl: `-1`, path: "max_budget" },
  { name: "tpm", attribute: "tpm_limit", hcl: `1.5`, path: "tpm_limit" },
  { name: "rpm", attribute: "rpm_limit", hcl: `-1`, path: "rpm_limit" },
  { name: "models", attribute: "models", hcl: `["gpt-4o", ""]`, path: "models[1]" },
  { name: "key_duration", attribute: "key_duration", hcl: `"forever"`, path: "key_duration" },
  { name: "user_id", attribute: "user_id", hcl: `""`, path: "user_id" },
];

function invalidConfig(): { text: string; lineOf: Map<string, number> } {
  const blocks = cases.map((c) => {
    const email = c.attribute === "user_email" ? "" : `  user_email = "${c.name}@example.com"\n`;
    const key = c.attribute === "key_duration" ? "  auto_create_key = true\n" : "";
    return `resource "litellm_user" "${c.name}" {\n${email}${key}  ${c.attribute} = ${c.hcl}\n}`;
  });
  const text = tf(blocks.join("\n"));
  const lines = text.split("\n");
  const lineOf = new Map<string, number>();
  let current = "";
  lines.forEach((l, i) => {
    const m = /^resource "litellm_user" "(\w+)"/.exec(l);
    if (m) current = m[1];
    const c = cases.find((x) => x.name === current);
    if (c && l.trimStart().startsWith(`${c.attribute} =`)) lineOf.set(c.name, i + 1);
  });
  return { text, lineOf };
}

interface ValidateJson {
  valid: boolean;
  error_count: number;
  warning_count: number;
  diagnostics: { severity: string; summary: string; detail: string; range?: { start: { line: number } }; snippet?: { context: string | null; code: string } }[];
}

let env: UserTestEnv;
before(async () => {
  env = await startUserTestEnv();
});
after(async () => {
  await env.close();
});

test("terraform validate fails with each attribute's path, and neither validate nor plan calls LiteLLM", async () => {
  const { text, lineOf } = invalidConfig();
  const ws = env.workspace(text);
  env.emu.requests.clear();
  const r = await ws.ok(["validate", "-json"], 1);
  const result = JSON.parse(r.stdout) as ValidateJson;
  assert.equal(result.valid, false);
  assert.equal(result.error_count, cases.length, "one error per invalid value");
  for (const c of cases) {
    const d = result.diagnostics.find((x) => x.snippet?.context === `resource "litellm_user" "${c.name}"`);
    assert.ok(d, `${c.name}: a diagnostic in its resource`);
    assert.equal(d.severity, "error");
    assert.equal(d.summary, "Invalid Attribute Value");
    assert.ok(d.detail.startsWith(`Attribute ${c.path} `), `${c.name}: the detail names ${c.path}: ${d.detail}`);
    assert.equal(d.range?.start.line, lineOf.get(c.name), `${c.name}: the diagnostic points at the ${c.attribute} line`);
  }

  const plan = await ws.ok(["plan", "-no-color"], 1);
  assert.match(plan.stderr, /Invalid Attribute Value/);
  assert.equal(env.emu.requests.total(), 0, "no API request was made");
  assert.equal(env.rec.requests.length, 0);
});

test("data source: exactly one of user_id and user_email, and a valid email", async () => {
  const ws = env.workspace(
    tf(`data "litellm_user" "both" {
  user_id    = "u1"
  user_email = "a@example.com"
}

data "litellm_user" "neither" {
}

data "litellm_user" "bad_email" {
  user_email = "nope"
}`),
  );
  env.emu.requests.clear();
  const r = await ws.ok(["validate", "-json"], 1);
  const result = JSON.parse(r.stdout) as ValidateJson;
  const of = (name: string) => result.diagnostics.filter((d) => d.snippet?.context === `data "litellm_user" "${name}"`);
  assert.deepEqual(of("both").map((d) => d.summary), ["Give Exactly One Of user_id And user_email"]);
  assert.deepEqual(of("neither").map((d) => d.summary), ["Give Exactly One Of user_id And user_email"]);
  assert.deepEqual(of("bad_email").map((d) => d.summary), ["Invalid Attribute Value"]);
  assert.match(of("bad_email")[0].detail, /^Attribute user_email /);
  assert.equal(env.emu.requests.total(), 0);
});

test("key settings without auto_create_key warn at validate, on the attribute", async () => {
  const ws = env.workspace(tf(`resource "litellm_user" "keyless" {\n  user_email = "keyless@example.com"\n  key_alias  = "orphan"\n}`));
  const r = await ws.ok(["validate", "-json"], 0);
  const result = JSON.parse(r.stdout) as ValidateJson;
  const warnings = result.diagnostics.filter((d) => d.summary === "Key Setting Without A Key");
  assert.equal(warnings.length, 1);
  assert.equal(warnings[0].severity, "warning");
  assert.match(warnings[0].snippet?.code ?? "", /key_alias/);
});

test("values unknown at validate are accepted; invalid values from variables fail at plan without calling LiteLLM", async () => {
  const ws = env.workspace(
    tf(`variable "email" {
  type = string
}
variable "role" {
  type = string
}
variable "duration" {
  type = string
}
variable "metadata" {
  type = string
}
variable "budget" {
  type = number
}

resource "litellm_user" "from_vars" {
  user_email      = var.email
  user_role       = var.role
  budget_duration = var.duration
  metadata        = var.metadata
  max_budget      = var.budget
  tpm_limit       = length(var.role)
}

resource "litellm_user" "from_other" {
  user_email = "other@example.com"
  user_alias = litellm_user.from_vars.user_id
  metadata   = jsonencode({ owner = litellm_user.from_vars.id, team = "backend" })
  models     = [litellm_user.from_vars.user_id, "gpt-4o"]
}`),
  );
  const validated = JSON.parse((await ws.ok(["validate", "-json"], 0)).stdout) as ValidateJson;
  assert.equal(validated.valid, true);
  assert.equal(validated.error_count, 0);

  env.emu.requests.clear();
  const vars = ["-var=email=vars@example.com", "-var=role=owner", "-var=duration=weekly", '-var=metadata={"a":1}', "-var=budget=5"];
  const r = await ws.ok(["plan", "-no-color", ...vars], 1);
  assert.match(r.stderr, /Invalid Attribute Value/);
  assert.match(r.stderr, /Attribute user_role must be one of/);
  assert.equal(env.emu.requests.total(), 0, "no API request was made");

  const ok = await ws.ok(["plan", "-no-color", "-detailed-exitcode", ...vars.map((v) => v.replace("role=owner", "role=admin"))], 2);
  assert.match(ok.stdout, /2 to add/);
});
