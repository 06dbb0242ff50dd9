// CI's small benchmark (N=10, one repeat, three cold starts): it must run end to end against real
// terraform and the emulator and produce sane numbers. No timing is asserted: CI machines vary.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";

const root = path.resolve(__dirname, "..", "..");

test("npm run bench:smoke runs and reports sane numbers", { timeout: 240_000 }, () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "bench-smoke-"));
  try {
    const json = path.join(out, "results.json");
    const doc = path.join(out, "performance.md");
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/run.ts", "--smoke", "--json", json, "--doc", doc, "--assets", out], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, TF_LOG: "", TF_LOG_PROVIDER: "" },
    });
    assert.equal(run.status, 0, `bench failed:\n${run.stdout}\n${run.stderr}`);
    const results = JSON.parse(fs.readFileSync(json, "utf8"));
    const positive = (v: unknown, what: string) => assert.ok(typeof v === "number" && Number.isFinite(v) && v > 0, `${what} = ${String(v)}`);

    // Cold start: every sample measured, ratios positive.
    assert.ok(results.coldStart.length >= 3);
    for (const s of results.coldStart) for (const k of ["nodeMs", "handshakeMs", "firstRpcMs", "rssMiB", "noCacheHandshakeMs"]) positive(s[k], `coldStart.${k}`);
    assert.ok(results.coldStart.every((s: { firstRpcMs: number; handshakeMs: number }) => s.firstRpcMs >= s.handshakeMs), "the first RPC is answered after the handshake");
    positive(results.summary.coldStart.ratio.median, "cold start ratio");

    // Throughput: apply, plan and destroy of both workloads, with the provider's own accounting.
    const ops = results.summary.rows.map((r: { op: string }) => r.op).sort();
    assert.deepEqual(ops, ["apply", "destroy", "plan"]);
    for (const row of results.summary.rows) {
      positive(row.ratio.median, `${row.op} ratio`);
      positive(row.providerCpuMsPerRpc.median, `${row.op} provider CPU per RPC`);
      positive(row.peakRssMB.median, `${row.op} peak RSS`);
      assert.ok(row.processes >= 2, `${row.op}: ${row.processes} provider processes reported`);
      assert.ok(row.rpcs >= 10, `${row.op}: ${row.rpcs} RPCs counted`);
    }
    const litellm = results.throughput.filter((s: { kind: string }) => s.kind === "litellm");
    const plan = litellm.find((s: { op: string }) => s.op === "plan");
    assert.ok(plan.providers.rpcCounts.ReadResource >= 10, "the plan refreshed every user");
    assert.ok(plan.emulator.requests >= 10, "the emulator served the refresh");
    assert.ok(results.throughput.filter((s: { kind: string }) => s.kind === "floor").every((s: { providers: { processes: number } }) => s.providers.processes === 0), "the floor starts no provider");

    // Outputs: the page with its tables and the chart it links.
    const page = fs.readFileSync(doc, "utf8");
    assert.match(page, /^# Performance/m);
    assert.match(page, /\| Cold start vs `node -e 0` \|/);
    assert.match(page, /performance\.svg/);
    assert.match(fs.readFileSync(path.join(out, "performance.svg"), "utf8"), /^<svg [^>]*>[\s\S]*<\/svg>\n$/);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
