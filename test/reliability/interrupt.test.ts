// Ctrl-C through real terraform: while LiteLLM holds a create's answer, terraform gets SIGINT, sends StopProvider,
// and the provider gives up the request at once. The user, which LiteLLM may or may not have made, is saved tainted:
// the next apply replaces it when it exists and forgets it when it does not. Nothing is orphaned.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { it } from "node:test";
import type { RunResult, Workspace } from "../support/terraform";
import { recordScenario } from "./support/report";
import { lostCount, oneLine, providerHcl, reconcile, usersInState, emulatorScenario } from "./support/workspace";

const scenario = emulatorScenario();

// An hour-long timeout: only the interrupt can end the held request within the test's time limit.
const config = `${providerHcl({ request_timeout: 3600 })}
resource "litellm_user" "u" {
  user_email = "interrupted@example.com"
}
`;

/** Runs `terraform apply` and sends it SIGINT, as Ctrl-C does, once LiteLLM has received the create. */
function applyAndInterrupt(ws: Workspace): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("terraform", ["apply", "-auto-approve", "-no-color"], { cwd: ws.dir, env: ws.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(poll);
      resolve({ code: code ?? -1, stdout, stderr });
    });
    const poll = setInterval(() => {
      // The one-shot fault rule is gone once the create has arrived and is being held.
      if (scenario.emu.faults.list().length === 0) {
        clearInterval(poll);
        child.kill("SIGINT");
      }
    }, 20);
  });
}

for (const when of ["before", "after"] as const) {
  const made = when === "after";
  it(`Ctrl-C while LiteLLM holds a create's answer (${made ? "user made" : "user not made"})`, { timeout: 120_000 }, async () => {
    const ws = scenario.workspace({ "main.tf": config });
    scenario.emu.faults.add([{ match: { method: "POST", path: "/user/new", times: 1 }, action: { hangMs: 0 }, when }]);
    const interrupted = await applyAndInterrupt(ws);
    assert.equal(interrupted.code, 1, interrupted.stdout + interrupted.stderr);
    assert.match(oneLine(interrupted.stderr), /cancelled because Terraform is stopping\. LiteLLM may have created the user all the same, so it is kept in state as tainted/);
    assert.equal(scenario.emu.store.users.size, made ? 1 : 0);
    const saved = await usersInState(ws);
    assert.equal(saved.length, 1, "the user that may exist is in state");
    assert.equal(saved[0].tainted, true);

    await ws.ok(["apply", "-auto-approve", "-no-color"]);
    const state = await usersInState(ws);
    const r = reconcile(scenario.emu, state);
    assert.equal(lostCount(r), 0, JSON.stringify(r));
    assert.equal(scenario.emu.store.users.size, 1);
    assert.equal(state[0].tainted, false);
    await ws.ok(["plan", "-detailed-exitcode"], 0);
    recordScenario({
      id: made ? "3.9" : "3.8",
      scenario: `Ctrl-C (SIGINT to terraform) during a create, LiteLLM ${made ? "having made" : "not having made"} the user`,
      faults: `answer held ${when} processing on POST /user/new (request_timeout = 1 h)`,
      outcome: `StopProvider cancels the request at once; apply fails; the user is saved tainted; the next apply ${made ? "replaces it" : "finds it gone and creates it"}; 1 user`,
      lost: lostCount(r),
    });
  });
}
