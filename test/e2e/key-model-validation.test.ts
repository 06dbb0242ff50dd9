// Bad input for litellm_key, litellm_model and litellm_credential is refused by terraform validate and plan with
// the attribute's path, before any call to LiteLLM.
import { test } from "node:test";
import assert from "node:assert/strict";
import { adminCall, type TestEmulator } from "../support/emulator";
import { teamTestFile } from "./team-support";

let emu: TestEmulator;
const workspaces = teamTestFile({}, (started) => (emu = started));

const cases: [string, string, RegExp][] = [
  ['resource "litellm_key" "k" {\n  budget_duration = "monthly"\n}\n', "budget_duration", /number and a unit/],
  ['resource "litellm_key" "k" {\n  duration = "forever"\n}\n', "duration", /number and a unit/],
  ['resource "litellm_key" "k" {\n  max_budget = -1\n}\n', "max_budget", /0 \(unlimited\) or more/],
  ['resource "litellm_key" "k" {\n  model_rpm_limit = { "gpt-4o" = 1.5 }\n}\n', "model_rpm_limit", /whole numbers/],
  ['resource "litellm_key" "k" {\n  metadata = "[1]"\n}\n', "metadata", /JSON object/],
  ['resource "litellm_model" "m" {\n  model_name = ""\n  custom_llm_provider = "openai"\n  base_model = "gpt-4o"\n}\n', "model_name", /must not be empty/],
  ['resource "litellm_model" "m" {\n  model_name = "x"\n  custom_llm_provider = "openai"\n  base_model = "gpt-4o"\n  rpm = -5\n}\n', "rpm", /0 or more/],
  ['resource "litellm_credential" "c" {\n  credential_name = ""\n}\n', "credential_name", /must not be empty/],
];

test("each bad argument gets a diagnostic on its path from validate, and plan calls nothing", async () => {
  for (const [config, attribute, expectation] of cases) {
    const ws = workspaces.create(config);
    const r = await ws.ok(["validate", "-json"], 1);
    const diags = (JSON.parse(r.stdout) as { diagnostics: { severity: string; detail: string; address?: string; snippet?: { context?: string; code?: string } }[] }).diagnostics;
    const errors = diags.filter((d) => d.severity === "error");
    assert.equal(errors.length, 1, `${attribute}: ${JSON.stringify(diags)}`);
    assert.match(errors[0]!.detail, expectation);
    assert.match(errors[0]!.snippet?.code ?? "", new RegExp(attribute), `${attribute}: the diagnostic points at the attribute`);
  }
  await fetch(`${emu.url}/_emulator/requests`, { method: "DELETE", headers: { Authorization: `Bearer ${emu.masterKey}` } });
  const ws = workspaces.create(cases[0]![0]);
  await ws.ok(["plan", "-no-color"], 1);
  const log = (await adminCall(emu, "GET", "/_emulator/requests")).body as { total: number };
  assert.equal(log.total, 0, "no request reached LiteLLM");
});
