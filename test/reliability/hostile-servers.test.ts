// A hostile server at api_base: for each bad answer in the corpus, `terraform apply` fails with a clear error,
// LiteLLM is left with nothing half-created, the next apply (the server behaving again) creates the user exactly
// once, and no provider process grew past 200 MB of RSS while reading the bad answers. A listing whose paging
// never lets the reader finish ends in an error too, after a bounded number of requests; with the server
// behaving again, the same listing reads every row of several pages.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, beforeEach, describe, it } from "node:test";
import { BENCH_REPORT_ENV, type BenchReport } from "../../provider/bench-report";
import { adminCall, startTestEmulator, type TestEmulator } from "../support/emulator";
import type { Workspace } from "../support/terraform";
import { compressionBombs, endlessListings, hostileAnswers, startHostileServer, type HostileServer } from "./support/hostile-server";
import { recordScenario } from "./support/report";
import { lostCount, oneLine, providerHcl, reconcile, usersInState, workspaceFor } from "./support/workspace";

const rssLimitMb = 200;

let emu: TestEmulator;
let hostile: HostileServer;
const dirs: string[] = [];
const workspaces: Workspace[] = [];
before(async () => {
  emu = await startTestEmulator();
  hostile = await startHostileServer(emu.url);
  compressionBombs(); // made once, before any request waits for them
});
beforeEach(() => emu.reset());
after(async () => {
  for (const ws of workspaces) ws.dispose();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  await hostile.close();
  await emu.close();
});

/** What the error must say, per answer. */
const expected: Record<string, RegExp> = {
  "huge body": /POST \/user\/new failed: the answer to POST http:\/\/127\.0\.0\.1:\d+\/user\/new announces 3 GiB, more than the 16 MiB limit; the connection was dropped/,
  "huge chunked body": /the answer to POST http:\/\/127\.0\.0\.1:\d+\/user\/new is larger than the 16 MiB limit; the connection was dropped/,
  "gzip bomb": /the answer to POST http:\/\/127\.0\.0\.1:\d+\/user\/new decompresses to more than the 16 MiB limit/,
  "brotli bomb": /the answer to POST http:\/\/127\.0\.0\.1:\d+\/user\/new decompresses to more than the 16 MiB limit/,
  "TE + CL": /the answer is not valid HTTP\/1\.1 \(HPE_INVALID_CONTENT_LENGTH: the answer's framing is invalid: its body does not match its Content-Length, or it also has Transfer-Encoding\)/,
  "bare LF": /the answer is not valid HTTP\/1\.1 \(HPE_\w+: Missing expected CR after header value\)/,
  "obs-fold": /the answer is not valid HTTP\/1\.1 \(HPE_\w+: Unexpected whitespace after header value\)/,
  "1xx flood": /no answer within request_timeout/,
  "status 000": /the answer is not valid HTTP\/1\.1 \(HPE_INVALID_STATUS: the answer's status code 0 is outside 100-599\)/,
  trickle: /no answer within request_timeout/,
  "reset mid-body": /the connection was reset before LiteLLM answered/,
};

function peakProviderRssMb(dir: string): number {
  const reports = fs.readdirSync(dir).filter((f) => f.startsWith("provider-")).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as BenchReport);
  assert.ok(reports.length > 0, "the provider processes wrote their reports");
  // undici loads on a process's first API call: the apply process read the hostile answers, the validate and
  // plan processes made no call and never loaded it.
  assert.ok(reports.some((r) => r.codeCache?.undici !== undefined), "the process that called LiteLLM loaded undici");
  assert.ok(reports.some((r) => r.codeCache && r.codeCache.undici === undefined), "a process without calls did not");
  return Math.max(...reports.map((r) => r.maxRssKb / 1024));
}

describe("hostile answers at api_base end in a clear error, nothing lost", () => {
  for (const [i, [name, { faults, answer }]] of Object.entries(hostileAnswers).entries()) {
    const n = i + 1;
    const id = `9.${n}`;
    it(name, { timeout: 180_000 }, async () => {
      const reports = fs.mkdtempSync(path.join(os.tmpdir(), "litellm-tf-hostile-"));
      dirs.push(reports);
      const email = `hostile-${n}@example.com`;
      const ws = workspaceFor(
        emu,
        {
          "main.tf": `${providerHcl({ api_base: hostile.url, max_retries: 1, request_timeout: 2 })}
resource "litellm_user" "u" {
  user_email = "${email}"
}
`,
        },
        { [BENCH_REPORT_ENV]: reports },
      );
      workspaces.push(ws);

      hostile.set("/user/new", answer);
      const failed = await ws.ok(["apply", "-auto-approve", "-no-color"], 1);
      const hits = hostile.hits;
      assert.ok(hits >= 1, "the hostile answer was sent");
      const message = oneLine(failed.stderr);
      assert.match(message, /Cannot Create User/);
      assert.match(message, expected[name]!);
      assert.equal(emu.store.users.size, 0, "nothing was created on LiteLLM");
      const peakMb = peakProviderRssMb(reports);
      assert.ok(peakMb < rssLimitMb, `provider peak RSS ${peakMb.toFixed(0)} MB`);

      hostile.set("/user/new", undefined);
      await ws.ok(["apply", "-auto-approve"]);
      const state = await usersInState(ws);
      const r = reconcile(emu, state);
      assert.deepEqual(r, { orphanUsers: [], missingUsers: [], orphanKeys: [] });
      assert.equal(emu.store.users.size, 1, "the user exists exactly once");
      await ws.ok(["plan", "-detailed-exitcode"], 0);

      // The server's port changes from run to run; the docs table should not.
      const shown = expected[name]!.exec(message)![0].replace(/127\.0\.0\.1:\d+/, "127.0.0.1:<port>");
      recordScenario({
        id,
        scenario: `Hostile server at api_base: ${name}`,
        faults: `${faults}, on every POST /user/new (max_retries = 1, request_timeout = 2 s)`,
        outcome: `apply fails after ${hits} attempt${hits === 1 ? "" : "s"}: "${shown.replace(/^.*?failed: /, "")}"; nothing on LiteLLM; the next apply creates 1 user; plan clean; provider peak RSS ${peakMb.toFixed(0)} MB`,
        lost: lostCount(r),
      });
    });
  }
});

/** What the error must say, and how many pages were asked for before it, per listing (paging.ts bounds). */
const endless: Record<string, { error: RegExp; requests: number }> = {
  "pages without end": {
    error: /LiteLLM answered 200 to GET \/key\/list: page 1000 announces 1,001 pages, more than the 1,000 pages of 100 rows the provider reads\. Narrow the listing with a filter; if the proxy does not hold that many rows, its paging is broken: check what answers at api_base\./,
    requests: 1000,
  },
  "the same page again": {
    error: /LiteLLM answered 200 to GET \/key\/list: page 2 of 500 holds only rows of earlier pages: the proxy's paging looks broken \(does something at api_base ignore "page"\?\), so the listing cannot be read whole\./,
    requests: 2,
  },
  "a billion pages": {
    error: /LiteLLM answered 200 to GET \/key\/list: page 1 announces 1,000,000,000 pages, more than the 1,000 pages of 100 rows the provider reads\. Narrow the listing with a filter/,
    requests: 1,
  },
};

describe("a listing whose paging never ends stops with a clear error; a real multi-page listing still reads whole", () => {
  const KEYS = 105; // two pages of 100
  for (const [i, [name, { faults, answer }]] of Object.entries(endlessListings).entries()) {
    it(name, { timeout: 180_000 }, async () => {
      const ws = workspaceFor(emu, {
        "main.tf": `${providerHcl({ api_base: hostile.url, max_retries: 1, request_timeout: 2 })}
data "litellm_keys" "all" {}

output "keys" {
  value = length(data.litellm_keys.all.keys)
}
`,
      });
      workspaces.push(ws);

      hostile.set("/key/list", answer);
      const failed = await ws.ok(["plan", "-no-color"], 1);
      const message = oneLine(failed.stderr);
      assert.match(message, /Cannot List Keys/);
      assert.match(message, endless[name]!.error);
      assert.equal(hostile.hits, endless[name]!.requests, "the pages asked for before giving up");

      hostile.set("/key/list", undefined);
      for (let k = 0; k < KEYS; k++) assert.equal((await adminCall(emu, "POST", "/key/generate", { key_alias: `listed-${k}` })).status, 200);
      await ws.ok(["apply", "-auto-approve", "-no-color"]);
      const out = JSON.parse((await ws.ok(["output", "-json"])).stdout) as { keys: { value: number } };
      assert.equal(out.keys.value, KEYS, "every row of both pages");

      recordScenario({
        id: `9.${Object.keys(hostileAnswers).length + i + 1}`,
        scenario: `Hostile server at api_base: a key listing with ${name}`,
        faults: `${faults}, on every GET /key/list (a litellm_keys data source)`,
        outcome: `plan fails after ${endless[name]!.requests} request${endless[name]!.requests === 1 ? "" : "s"}: "${endless[name]!.error.exec(message)![0].replace(/^.*?GET \/key\/list: /, "")}"; the server behaving again, the listing reads all ${KEYS} keys of 2 pages`,
        lost: 0,
      });
    });
  }
});
