// Secrets stay secret: apply, plan, import, a data source and failing applies run under TF_LOG=TRACE, and every
// log line, every command's output and error text, and any crash log is searched for the master key and the users'
// keys. State marks the keys sensitive, and plans show them as (sensitive value).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, before, it } from "node:test";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import type { RunResult, Workspace } from "../support/terraform";
import { recordScenario } from "./support/report";
import { providerHcl, usersInState, workspaceFor } from "./support/workspace";

let emu: TestEmulator;
const workspaces: Workspace[] = [];
before(async () => {
  emu = await startTestEmulator();
});
after(async () => {
  for (const ws of workspaces) ws.dispose();
  await emu.close();
});

const users = (alias: string) => `${providerHcl({ max_retries: 1, request_timeout: 2 })}
resource "litellm_user" "alice" {
  user_email      = "alice.secret@example.com"
  auto_create_key = true
  key_alias       = "${alias}"
}

resource "litellm_user" "bob" {
  user_email      = "bob.secret@example.com"
  max_budget      = 5
  auto_create_key = true
}

data "litellm_user" "alice" {
  user_id = litellm_user.alice.user_id
}
`;

/** Everything written by or about one terraform command: its output and its TRACE log. */
interface Transcript {
  command: string;
  texts: { where: string; text: string }[];
}

it("no secret in any log line, output, error or crash text", { timeout: 300_000 }, async () => {
  const ws = workspaceFor(emu, { "main.tf": users("alice-key") });
  workspaces.push(ws);
  const logDir = fs.mkdtempSync(path.join(ws.dir, "..", path.basename(ws.dir) + "-logs-"));
  const transcripts: Transcript[] = [];
  let runs = 0;

  async function traced(target: Workspace, args: string[], expectedCode: number, extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
    const logFile = path.join(logDir, `${++runs}.log`);
    const r = await target.terraform(args, { TF_LOG: "TRACE", TF_LOG_PATH: logFile, ...extraEnv });
    transcripts.push({
      command: `terraform ${args.join(" ")}`,
      texts: [
        { where: "stdout", text: r.stdout },
        { where: "stderr", text: r.stderr },
        { where: "TF_LOG_PATH", text: fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "" },
      ],
    });
    assert.equal(r.code, expectedCode, `terraform ${args.join(" ")} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
    return r;
  }
  const issuedKeys = new Set<string>();
  async function collectKeys(target: Workspace): Promise<void> {
    for (const u of await usersInState(target)) if (typeof u.values.key === "string") issuedKeys.add(u.values.key);
  }

  // Plan and apply: the keys are shown as sensitive.
  const plan = await traced(ws, ["plan", "-no-color"], 0);
  assert.match(plan.stdout, /\+ key\s+= \(sensitive value\)/);
  await traced(ws, ["apply", "-auto-approve", "-no-color"], 0);
  await collectKeys(ws);
  assert.equal(issuedKeys.size, 2, "both users got a key");
  await traced(ws, ["plan", "-detailed-exitcode", "-no-color"], 0);

  // State marks the keys sensitive.
  for (const u of await usersInState(ws)) {
    assert.equal(u.sensitive_values?.key, true, `${u.address}: key is sensitive in state`);
  }

  // A key rotation: the plan shows the change as sensitive; the new key is a secret too.
  ws.write({ "main.tf": users("alice-key-2") });
  const rotation = await traced(ws, ["plan", "-no-color"], 0);
  assert.match(rotation.stdout, /~ key\s+= \(sensitive value\)/);
  await traced(ws, ["apply", "-auto-approve", "-no-color"], 0);
  await collectKeys(ws);
  assert.equal(issuedKeys.size, 3);

  // Import into a fresh state, by user_id and by email.
  const [alice, bob] = (await usersInState(ws)).sort((a, b) => a.address.localeCompare(b.address));
  const fresh = workspaceFor(emu, { "main.tf": users("alice-key-2") });
  workspaces.push(fresh);
  await traced(fresh, ["import", "-no-color", "litellm_user.alice", String(alice.values.user_id)], 0);
  await traced(fresh, ["import", "-no-color", "litellm_user.bob", String(bob.values.user_email)], 0);
  await traced(fresh, ["plan", "-no-color"], 0);

  // Failing applies, with LiteLLM quoting the keys back in its error text.
  const echo = `master ${emu.masterKey} and user key ${[...issuedKeys][0]}`;
  ws.write({ "main.tf": users("alice-key-3") });
  emu.faults.add([{ match: { method: "POST", path: "/key/generate" }, action: { status: 500, body: { error: { message: echo } } } }]);
  const keyFailure = await traced(ws, ["apply", "-auto-approve", "-no-color"], 1);
  assert.match(keyFailure.stderr, /Cannot Create Key/);
  assert.match(keyFailure.stderr, /master \*\*\* and user key sk-\*\*\*/, "LiteLLM's text reached the error, scrubbed");
  emu.faults.clear();

  emu.faults.add([{ match: { method: "GET", path: "/user/info" }, action: { status: 400, body: { detail: echo } } }]);
  const readFailure = await traced(ws, ["plan", "-no-color"], 1);
  assert.match(readFailure.stderr, /Cannot Read User/);
  emu.faults.clear();

  emu.faults.add([{ match: { path: "/user/*" }, action: { reset: true } }]);
  await traced(ws, ["apply", "-auto-approve", "-no-color"], 1);
  emu.faults.clear();

  const wrongKey = `sk-wrong-${emu.masterKey.slice(-12)}`;
  const denied = await traced(ws, ["plan", "-no-color"], 1, { LITELLM_API_KEY: wrongKey });
  assert.match(denied.stderr, /401/);

  await traced(ws, ["apply", "-auto-approve", "-no-color"], 0);
  await collectKeys(ws);
  await traced(ws, ["destroy", "-auto-approve", "-no-color"], 0);

  // The search: every transcript, plus any crash log terraform left behind.
  const crashLogs = [ws.dir, fresh.dir].flatMap((d) => fs.readdirSync(d).filter((f) => /crash/i.test(f)).map((f) => path.join(d, f)));
  for (const file of crashLogs) transcripts.push({ command: "crash log", texts: [{ where: file, text: fs.readFileSync(file, "utf8") }] });
  const secrets = [
    { name: "the master key", value: emu.masterKey },
    { name: "the wrong api_key", value: wrongKey },
    ...[...issuedKeys].map((k, i) => ({ name: `user key #${i + 1}`, value: k })),
  ];
  const leaks: string[] = [];
  for (const t of transcripts) {
    for (const { where, text } of t.texts) {
      for (const line of text.split("\n")) {
        for (const s of secrets) if (line.includes(s.value)) leaks.push(`${s.name} in ${where} of \`${t.command}\`: ${line.slice(0, 300)}`);
      }
    }
  }
  assert.deepEqual(leaks, [], "secrets leaked");
  const logBytes = transcripts.reduce((n, t) => n + t.texts.reduce((m, x) => m + x.text.length, 0), 0);
  assert.ok(logBytes > 100_000, "TRACE logs were written and searched");
  assert.ok(transcripts.some((t) => t.texts.some((x) => x.text.includes("provider.terraform-provider-litellm"))), "the provider's own log lines are in the search");
  fs.rmSync(logDir, { recursive: true, force: true });

  recordScenario({
    id: "5.1",
    scenario: "Secrets under TF_LOG=TRACE",
    faults: "LiteLLM echoes the master key and a user key in 500 and 400 bodies; resets; a wrong api_key",
    outcome: `${transcripts.length} transcripts (${secrets.length} secrets searched in every line): apply, plan, key rotation, import by id and email, data source, 4 failing commands, destroy; 0 leaks; keys sensitive in state and plans`,
    lost: leaks.length,
  });
});
