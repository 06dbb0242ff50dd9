// Issue 6: the built executable validates with the validators ajv generated at build time. Started by real
// terraform from a directory outside the repository (no node_modules anywhere above it), its validating
// processes never load the ajv segment, and invalid values still get their diagnostics.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchReport } from "../../provider/bench-report";
import { createWorkspace, providerDir, providerSource, repoRoot, type Workspace } from "../support/terraform";

interface ValidateJson {
  valid: boolean;
  error_count: number;
  diagnostics: { severity: string; summary: string; detail: string; snippet?: { context: string | null } }[];
}

const temp = fs.mkdtempSync(path.join(os.tmpdir(), "litellm-tf-precompiled-"));
after(() => fs.rmSync(temp, { recursive: true, force: true }));

/** A workspace whose terraform runs a copy of the built executable kept in a temp directory, writing bench reports. */
function workspace(name: string, files: Record<string, string>): { ws: Workspace; reports: string } {
  const installed = path.join(temp, name, "provider");
  fs.mkdirSync(installed, { recursive: true });
  fs.copyFileSync(path.join(providerDir, "terraform-provider-litellm"), path.join(installed, "terraform-provider-litellm"));
  fs.chmodSync(path.join(installed, "terraform-provider-litellm"), 0o755);
  const reports = path.join(temp, name, "reports");
  fs.mkdirSync(reports);
  const ws = createWorkspace({
    apiBase: "http://127.0.0.1:9",
    apiKey: "sk-never-used",
    files,
    env: { LITELLM_TF_BENCH_REPORT: reports, LITELLM_TF_CACHE_DIR: path.join(temp, name, "cache") },
  });
  fs.writeFileSync(
    ws.env.TF_CLI_CONFIG_FILE!,
    `provider_installation {\n  dev_overrides {\n    "${providerSource}" = ${JSON.stringify(installed)}\n  }\n  direct {}\n}\n`,
  );
  return { ws, reports };
}

/** The bench reports of the provider processes that validated configuration. */
function validatingProcesses(reports: string): BenchReport[] {
  const all = fs.readdirSync(reports).map((f) => JSON.parse(fs.readFileSync(path.join(reports, f), "utf8")) as BenchReport);
  return all.filter((r) => (r.rpcCounts.ValidateResourceConfig ?? 0) + (r.rpcCounts.ValidateDataResourceConfig ?? 0) > 0);
}

function assertNoAjv(reports: string, rpcs: string[]): void {
  const validating = validatingProcesses(reports);
  assert.ok(validating.length > 0, "some provider process validated configuration");
  for (const rpc of rpcs) assert.ok(validating.some((r) => (r.rpcCounts[rpc] ?? 0) > 0), `${rpc} was served`);
  for (const r of validating) {
    assert.ok(r.codeCache?.core, `the report of process ${r.pid} lists the segments it loaded`);
    assert.equal("ajv" in r.codeCache, false, `process ${r.pid} loaded the segments ${Object.keys(r.codeCache).join(", ")}`);
  }
}

const example = (p: string) => fs.readFileSync(path.join(repoRoot, "examples", p), "utf8");

test("terraform validate of the examples passes without loading ajv", async (t) => {
  const { ws, reports } = workspace("valid", { "provider.tf": example("provider/provider.tf"), "user.tf": example("resources/litellm_user/resource.tf") });
  t.after(() => ws.dispose());
  const result = JSON.parse((await ws.ok(["validate", "-json"], 0)).stdout) as ValidateJson;
  assert.equal(result.valid, true, JSON.stringify(result.diagnostics));
  assertNoAjv(reports, ["ValidateProviderConfig", "ValidateResourceConfig"]);
});

test("invalid values get their diagnostics from the precompiled validators, still without ajv", async (t) => {
  const invalid = `resource "litellm_user" "bad" {
  user_email = "not-an-email"
  metadata   = jsonencode([1, 2])
  max_budget = -1
}

data "litellm_user" "bad" {
  user_email = "nope"
}
`;
  const { ws, reports } = workspace("invalid", { "provider.tf": example("provider/provider.tf"), "user.tf": example("resources/litellm_user/resource.tf"), "bad.tf": invalid });
  t.after(() => ws.dispose());
  const result = JSON.parse((await ws.ok(["validate", "-json"], 1)).stdout) as ValidateJson;
  assert.equal(result.valid, false);
  const details = (context: string) =>
    result.diagnostics
      .filter((d) => d.snippet?.context === context)
      .map((d) => `${d.severity}: ${d.summary}: ${d.detail}`)
      .sort();
  assert.deepEqual(details('resource "litellm_user" "bad"'), [
    "error: Invalid Attribute Value: Attribute max_budget must be 0 (unlimited) or more US dollars. Got -1.",
    'error: Invalid Attribute Value: Attribute metadata must be a JSON object: a map such as { department = "Engineering" } or its jsonencode({ department = "Engineering" }) text. Got "[1,2]".',
    'error: Invalid Attribute Value: Attribute user_email must be an email address, like alice@example.com. Got "not-an-email".',
  ]);
  assert.deepEqual(details('data "litellm_user" "bad"'), [
    'error: Invalid Attribute Value: Attribute user_email must be an email address, like alice@example.com. Got "nope".',
  ]);
  assert.equal(result.error_count, 4, JSON.stringify(result.diagnostics));
  assertNoAjv(reports, ["ValidateResourceConfig", "ValidateDataResourceConfig"]);
});
