// Run as a child process by http1-connection-pool.test.ts (a test helper, not a test: run-tests picks *.test.ts only).
// Makes two requests to http://127.0.0.1:<port>/ and prints the answers; it never closes the pool, so the
// process ends by itself only if the idle connection left in the pool does not keep it alive.
import { Http1ConnectionPool } from "./http1-connection-pool";

async function main(): Promise<void> {
  const port = process.argv[2] ?? "";
  const pool = new Http1ConnectionPool({ idleSocketMs: 600_000 });
  for (const path of ["/first", "/second"]) {
    const res = await pool.request({ protocol: "http:", hostname: "127.0.0.1", port, method: "GET", path, headers: {} }).response;
    process.stdout.write(`${res.status} ${res.body.toString()}\n`);
  }
}

main().catch((e: Error & { code?: string }) => {
  process.stderr.write(`${e.code ?? ""} ${e.message}\n`);
  process.exitCode = 1;
});
