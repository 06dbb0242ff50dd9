// A refresh of many litellm_access_group resources: Terraform reads them concurrently, and the reads share one
// listing of the deployments (GET /v2/model/info) instead of listing the whole model table once per group.
// The emulator counts the requests. Its answers to /v2/model/info are held back a moment so that the reads
// certainly overlap (Terraform starts them together, but how close together depends on the machine).
import { test } from "node:test";
import assert from "node:assert/strict";
import { adminCall } from "../support/emulator";
import { stateOf } from "./team-support";
import { useGovernanceEmulator } from "./governance-support";

const ctx = useGovernanceEmulator();
const GROUPS = 10;

/** Requests the emulator saw, per "METHOD /path". */
async function counts(): Promise<Record<string, number>> {
  return ((await adminCall(ctx.emu, "GET", "/_emulator/requests")).body as { counts: Record<string, number> }).counts;
}

test(`a refresh of ${GROUPS} access groups lists the deployments once, and still sees every change`, async () => {
  for (const [i, name] of ["ag-read-a", "ag-read-a", "ag-read-b"].entries()) {
    const r = await adminCall(ctx.emu, "POST", "/model/new", { model_name: name, litellm_params: { model: `openai/${name}` }, model_info: { id: `ag-read-${i}` } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  const groups = Array.from({ length: GROUPS }, (_, i) => `
resource "litellm_access_group" "g${i}" {
  access_group = "ag-read-${i}"
  model_names  = ["${i % 2 ? "ag-read-a" : "ag-read-b"}"]
}
`).join("");
  const ws = ctx.workspaces.create(groups);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);

  ctx.emu.requests.clear();
  ctx.emu.faults.add([{ match: { method: "GET", path: "/v2/model/info" }, action: { latencyMs: 1000 } }]);
  try {
    await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  } finally {
    ctx.emu.faults.clear();
  }
  const seen = await counts();
  assert.equal(seen["GET /access_group/ag-read-0/info"], 1, JSON.stringify(seen));
  assert.equal(seen["GET /v2/model/info"], 1, `one listing for ${GROUPS} group reads: ${JSON.stringify(seen)}`);

  // A change between two refreshes is seen: nothing is kept once a listing has been answered.
  assert.equal((await adminCall(ctx.emu, "PATCH", "/model/ag-read-2/update", { model_info: { access_groups: ["ag-read-1"] } })).status, 200);
  const drift = await ws.ok(["plan", "-refresh-only", "-no-color"]);
  assert.match(drift.stdout, /litellm_access_group\.g0 has changed|litellm_access_group\.g0 has been deleted/);
  assert.match(drift.stdout, /litellm_access_group\.g1 has changed/);
  await ws.ok(["apply", "-auto-approve", "-no-color"]);
  await ws.ok(["plan", "-detailed-exitcode", "-no-color"], 0);
  const state = await stateOf(ws);
  assert.deepEqual(state.get("litellm_access_group.g0")!.model_ids, ["ag-read-2"]);
  assert.deepEqual(state.get("litellm_access_group.g1")!.model_ids, ["ag-read-0", "ag-read-1"]);
  await ws.ok(["destroy", "-auto-approve", "-no-color"]);
});
