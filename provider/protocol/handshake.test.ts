import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";
import {
  MAGIC_COOKIE_KEY,
  MAGIC_COOKIE_VALUE,
  NOT_LAUNCHED_BY_TERRAFORM,
  exitUnlessLaunchedByTerraform,
  handshakeLine,
  magicCookieProblem,
  newSocketPath,
  protocolVersionProblem,
} from "./handshake";

const cookie = { [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE };

function runCheck(env: NodeJS.ProcessEnv): { code?: number; stderr: string } {
  const result: { code?: number; stderr: string } = { stderr: "" };
  try {
    exitUnlessLaunchedByTerraform(env, {
      stderr: (text) => void (result.stderr += text),
      exit: (code) => {
        result.code = code;
        throw new Error("exited");
      },
    });
  } catch (e) {
    if ((e as Error).message !== "exited") throw e;
  }
  return result;
}

describe("magic cookie and protocol version", () => {
  it("accepts Terraform's environment", () => {
    assert.equal(magicCookieProblem(cookie), undefined);
    assert.equal(protocolVersionProblem({ PLUGIN_PROTOCOL_VERSIONS: "5,6" }), undefined);
    assert.equal(protocolVersionProblem({ PLUGIN_PROTOCOL_VERSIONS: "6,5" }), undefined);
    assert.equal(protocolVersionProblem({}), undefined);
    assert.deepStrictEqual(runCheck({ ...cookie, PLUGIN_PROTOCOL_VERSIONS: "5,6" }), { stderr: "" });
  });

  it("exits 1 with a human message when the cookie is missing or wrong", () => {
    assert.deepStrictEqual(runCheck({}), { code: 1, stderr: NOT_LAUNCHED_BY_TERRAFORM + "\n" });
    assert.equal(runCheck({ [MAGIC_COOKIE_KEY]: "nope" }).code, 1);
    assert.match(NOT_LAUNCHED_BY_TERRAFORM, /Terraform provider plugin/);
    assert.match(NOT_LAUNCHED_BY_TERRAFORM, /README/);
  });

  it("exits 1 when protocol 6 is not offered", () => {
    const r = runCheck({ ...cookie, PLUGIN_PROTOCOL_VERSIONS: "4,5" });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /protocol 6.*offered only: 4,5/);
  });
});

describe("handshake line and socket", () => {
  it("has five fields without TLS and six with it", () => {
    assert.equal(handshakeLine("/tmp/p.sock"), "1|6|unix|/tmp/p.sock|grpc\n");
    assert.equal(handshakeLine("/tmp/p.sock", "MIIB"), "1|6|unix|/tmp/p.sock|grpc|MIIB\n");
  });

  it("puts a fresh socket in PLUGIN_UNIX_SOCKET_DIR", () => {
    const a = newSocketPath({ PLUGIN_UNIX_SOCKET_DIR: "/run/x" });
    assert.equal(path.dirname(a), "/run/x");
    assert.notEqual(a, newSocketPath({ PLUGIN_UNIX_SOCKET_DIR: "/run/x" }));
    assert.throws(() => newSocketPath({ PLUGIN_UNIX_SOCKET_DIR: "/" + "d".repeat(120) }), /too long/);
  });
});

describe("running the provider by hand", () => {
  const main = path.resolve(__dirname, "../main.ts");
  const run = (env: NodeJS.ProcessEnv) => {
    const clean: NodeJS.ProcessEnv = { PATH: process.env.PATH, ...env };
    return spawnSync(process.execPath, ["--import", "tsx", main], { env: clean, encoding: "utf8", cwd: path.resolve(__dirname, "../..") });
  };

  it("prints why on stderr, nothing on stdout, and exits 1 without the cookie", () => {
    const r = run({});
    assert.equal(r.status, 1);
    assert.equal(r.stdout, "");
    assert.equal(r.stderr, NOT_LAUNCHED_BY_TERRAFORM + "\n");
  });

  it("exits 1 without protocol 6", () => {
    const r = run({ ...cookie, PLUGIN_PROTOCOL_VERSIONS: "5" });
    assert.equal(r.status, 1);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /protocol 6/);
  });
});
