// npm run bench:reliability: runs every reliability scenario at full size (500 users under load) and writes the
// table of results to docs/reliability.md. CI runs the same tests smaller and writes nothing.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readResults, resultsDirEnv, type ScenarioResult } from "./support/report";

const root = path.resolve(__dirname, "..", "..");
const here = path.join(root, "test", "reliability");
const docFile = path.join(root, "docs", "reliability.md");
const loadUsers = process.env.RELIABILITY_LOAD_USERS ?? "500";

const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), "litellm-reliability-"));
const testFiles = fs
  .readdirSync(here)
  .filter((f) => f.endsWith(".test.ts"))
  .sort()
  .map((f) => path.join("test", "reliability", f));

const run = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-concurrency=1", ...testFiles], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, CHECKPOINT_DISABLE: "1", [resultsDirEnv]: resultsDir, RELIABILITY_LOAD_USERS: loadUsers },
});
const passed = run.status === 0;
const results = readResults(resultsDir);
fs.rmSync(resultsDir, { recursive: true, force: true });

fs.writeFileSync(docFile, renderReport(results, passed));
process.stdout.write(`\nwrote ${path.relative(root, docFile)}: ${results.length} scenarios${passed ? "" : " (some tests FAILED)"}\n`);
process.exit(passed ? 0 : 1);

function renderReport(rows: ScenarioResult[], allPassed: boolean): string {
  const lost = rows.reduce((n, r) => n + r.lost, 0);
  const terraform = firstLine(spawnSync("terraform", ["version"], { encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1" } }).stdout);
  const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  return `# Reliability

What happens to \`terraform apply\` when LiteLLM is flaky, slow or overloaded, when Terraform runs with high
parallelism, and when the provider is fed hostile input. Every row is a test in \`test/reliability/\` that passed
its checks against the emulator's store; **Lost** counts users or keys that ended up on LiteLLM without being in
state, in state without being on LiteLLM, or nowhere (it must be 0), or, for the secrets, fuzz and mTLS rows,
leaks, crashes and strangers served.

This file is written by \`npm run bench:reliability\` (${loadUsers} users in the load test); \`npm test\` runs the
same tests in CI with 60 users and writes nothing. ${terraform}, Node ${process.version}.

| # | Scenario | Faults injected | Outcome | Lost |
|---|---|---|---|---|
${rows.map((r) => `| ${r.id} | ${cell(r.scenario)} | ${cell(r.faults)} | ${cell(r.outcome)} | ${r.lost} |`).join("\n")}

**${rows.length} scenarios, ${lost} lost.**${allPassed ? "" : " Some tests FAILED in this run: scenarios missing from the table did not pass their checks."}

## How the client copes

- **Retries.** Connection errors and HTTP 429, 502, 503 and 504 are retried with exponential backoff and full
  jitter (250 ms doubling up to 8 s), at most \`max_retries\` times (default 4) and within 120 s in all.
  \`Retry-After\` (seconds or an HTTP date) is honoured; one beyond the remaining budget fails at once.
- **Only when safe.** A call that is not idempotent (\`/key/generate\`) is repeated only when LiteLLM certainly did
  not act: connection refused, 429 or 503. A truncated JSON answer to a successful call counts as a lost answer.
  Certificate errors are never retried.
- **Idempotent create.** The provider picks the \`user_id\` during apply (never during plan), so a retried
  \`/user/new\` cannot make a second user: a 409 (400 before LiteLLM 1.80.8) on a retry is settled by reading the
  user. The key minted by a lost answer is deleted and replaced.
- **Unknown outcomes.** When every answer to a create is lost, the user is saved with the error, so Terraform
  taints it and the next apply replaces it (or drops it, if LiteLLM never made it). A failed update re-reads the
  user, so state holds what LiteLLM has; a failed delete keeps the user in state.
- **Timeouts and Ctrl-C.** \`request_timeout\` bounds each request; StopProvider cancels requests in flight,
  backoff and \`Retry-After\` waits at once.
- **Bounded, strict answers.** undici (llhttp) reads LiteLLM's answers: ambiguous framing (Transfer-Encoding
  with Content-Length), malformed header lines, bare LF, obs-fold and status codes outside 100–599 are errors,
  and the connection is dropped. An answer over 16 MiB, on the wire or once decompressed, fails with an error
  naming the endpoint and the limit, and is not retried.
- **Proxies.** \`HTTPS_PROXY\`, \`HTTP_PROXY\` and \`NO_PROXY\` are read as Go reads them; https goes through a
  \`CONNECT\` tunnel with LiteLLM's certificate checked end to end; loopback is never proxied.
- **Secrets.** Error text is scrubbed of the master key and anything shaped like a LiteLLM key; provider logs and
  diagnostics redact every key the provider has seen.
`;
}

function firstLine(text: string | null): string {
  return (text ?? "").split("\n")[0].trim() || "Terraform (version unknown)";
}
