import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";
import { UsageError } from "../command-line";
import { parseEmulatorArgs } from "./emulator";

const ROOT = path.resolve(__dirname, "../../..");

describe("parseEmulatorArgs", () => {
  it("defaults to port 4000 and sk-1234, preferring $LITELLM_MASTER_KEY", () => {
    assert.deepEqual(parseEmulatorArgs([], {}), { port: 4000, masterKey: "sk-1234" });
    assert.equal(parseEmulatorArgs([], { LITELLM_MASTER_KEY: "sk-env" }).masterKey, "sk-env");
  });

  it("reads every flag, with a space or an equals sign", () => {
    assert.deepEqual(parseEmulatorArgs(["--port=0", "--host", "0.0.0.0", "--master-key", "sk-x", "--legacy", "--enterprise", "--seed", "9"], {}), {
      port: 0, host: "0.0.0.0", masterKey: "sk-x", legacy: true, enterprise: true, seed: 9,
    });
  });

  it("rejects unknown flags, missing values, bad ports and a lone TLS file", () => {
    assert.throws(() => parseEmulatorArgs(["--prot", "1"], {}), UsageError);
    assert.throws(() => parseEmulatorArgs(["--port"], {}), UsageError);
    assert.throws(() => parseEmulatorArgs(["--port", "70000"], {}), UsageError);
    assert.throws(() => parseEmulatorArgs(["--master-key", "--legacy"], {}), UsageError);
    assert.throws(() => parseEmulatorArgs(["--tls-cert", "cert.pem"], {}), UsageError);
  });
});

describe("litellm-tf emulator", () => {
  it("prints its URL alone on the first line, serves until SIGTERM and never prints the master key", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "provider/cli/main.ts", "emulator", "--port", "0", "--master-key", "sk-cli-secret", "--legacy"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.setEncoding("utf8");
    const firstLine = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: string) => {
        stdout += chunk;
        if (stdout.includes("\n")) resolve(stdout.split("\n")[0]!);
      });
      child.once("exit", (code) => reject(new Error(`emulator exited early with ${code}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      assert.match(firstLine, /^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${firstLine}/user/info?user_id=ghost`, { headers: { authorization: "Bearer sk-cli-secret" } });
      assert.equal(res.status, 200, "legacy mode answers 200 for an unknown user");
    } finally {
      child.kill("SIGTERM");
    }
    assert.equal(await exited, 0);
    assert.ok(!stdout.includes("sk-cli-secret"));
    assert.match(stdout, /legacy behaviour/);
  });

  it("lists the emulator in the dispatcher's help and fails on unknown commands", async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ["--import", "tsx", "provider/cli/main.ts", ...args], { cwd: ROOT });
        let out = "";
        child.stdout.on("data", (c) => (out += c));
        child.stderr.on("data", (c) => (out += c));
        child.on("exit", (code) => resolve({ code, out }));
      });
    const help = await run(["help"]);
    assert.equal(help.code, 0);
    assert.match(help.out, /emulator\s+run the LiteLLM API emulator/);
    const unknown = await run(["nope"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.out, /unknown command "nope"/);
  });
});
