// Process behaviour, checked in a child process because the hooks are process-wide.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";

const script = `
const { installProcessHooks } = require("./provider/protocol/process-hooks.ts");
const { createLogger } = require("./provider/log.ts");
installProcessHooks({
  logger: createLogger("hooks-test", "debug"),
  onTerminate: (reason) => { process.stderr.write("terminate:" + reason + "\\n"); process.exit(0); },
});
setImmediate(() => { throw new Error("stray exception"); });
setImmediate(() => { Promise.reject(new Error("stray rejection")); });
setTimeout(() => {
  console.log("console output");
  process.stderr.write("still alive\\n");
  process.kill(process.pid, "SIGINT");
  setImmediate(() => process.kill(process.pid, "SIGTERM"));
}, 10);
setTimeout(() => { process.stderr.write("SIGTERM ignored\\n"); process.exit(3); }, 30000);
`;

describe("process hooks", () => {
  const r = spawnSync(process.execPath, ["--import", "tsx", "-e", script], {
    cwd: path.resolve(__dirname, "../.."),
    encoding: "utf8",
    env: { PATH: process.env.PATH },
  });

  it("logs stray exceptions and rejections and keeps running", () => {
    assert.match(r.stderr, /"@level":"error","@message":"Uncaught exception; still serving".*stray exception/);
    assert.match(r.stderr, /"@message":"Unhandled promise rejection; still serving".*stray rejection/);
    assert.match(r.stderr, /still alive/);
  });

  it("ignores SIGINT and stops on SIGTERM", () => {
    assert.match(r.stderr, /Ignoring SIGINT/);
    assert.match(r.stderr, /terminate:SIGTERM/);
    assert.equal(r.status, 0);
  });

  it("keeps console output off stdout", () => {
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /"@message":"console output"/);
  });
});
