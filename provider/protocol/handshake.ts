// The go-plugin handshake: environment checks before serving, and the single stdout line after.

import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";

export const MAGIC_COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE";
export const MAGIC_COOKIE_VALUE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
export const PROTOCOL_VERSION = 6;
const CORE_PROTOCOL_VERSION = 1;
// sockaddr_un.sun_path holds 108 bytes including the terminating NUL on Linux (104 on macOS).
const MAX_SOCKET_PATH = 103;

export const NOT_LAUNCHED_BY_TERRAFORM = [
  "terraform-provider-litellm is a Terraform provider plugin and is not meant to be run directly.",
  "Terraform starts it when a configuration uses the litellm provider; see README.md for how to",
  "install a local build (dev_overrides or a filesystem mirror) and then run terraform as usual.",
].join("\n");

/** Why this process was not started by Terraform, or undefined when the magic cookie is right. */
export function magicCookieProblem(env: NodeJS.ProcessEnv): string | undefined {
  return env[MAGIC_COOKIE_KEY] === MAGIC_COOKIE_VALUE ? undefined : NOT_LAUNCHED_BY_TERRAFORM;
}

/** Why we cannot speak a protocol version the host offers, or undefined when 6 is among them. */
export function protocolVersionProblem(env: NodeJS.ProcessEnv): string | undefined {
  const offered = env.PLUGIN_PROTOCOL_VERSIONS;
  // Without the variable go-plugin assumes the plugin's own version.
  if (offered === undefined || offered.trim() === "") return undefined;
  const versions = offered.split(",").map((v) => v.trim());
  if (versions.includes(String(PROTOCOL_VERSION))) return undefined;
  return [
    `This provider speaks Terraform plugin protocol ${PROTOCOL_VERSION}, but the host offered only: ${offered}.`,
    "Use Terraform 1.0 or later (or OpenTofu), which support protocol 6.",
  ].join("\n");
}

export interface ExitIo {
  stderr(text: string): void;
  exit(code: number): never;
}

const processIo: ExitIo = {
  stderr: (text) => process.stderr.write(text),
  exit: (code) => process.exit(code),
};

/** Exits with status 1 and a human message on stderr unless Terraform (or go-plugin) started us. */
export function exitUnlessLaunchedByTerraform(env: NodeJS.ProcessEnv = process.env, io: ExitIo = processIo): void {
  const problem = magicCookieProblem(env) ?? protocolVersionProblem(env);
  if (problem) {
    io.stderr(problem + "\n");
    io.exit(1);
  }
}

/** A fresh socket path in PLUGIN_UNIX_SOCKET_DIR (or the temp dir), as go-plugin does. */
export function newSocketPath(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.PLUGIN_UNIX_SOCKET_DIR || os.tmpdir();
  const socket = path.join(path.resolve(dir), `plugin-litellm-${crypto.randomBytes(8).toString("hex")}.sock`);
  if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) {
    throw new Error(`socket path ${socket} is too long for a unix socket; set PLUGIN_UNIX_SOCKET_DIR to a shorter directory`);
  }
  return socket;
}

/** `1|6|unix|<path>|grpc|<cert>`; the certificate field only when AutoMTLS is on. */
export function handshakeLine(socketPath: string, certField?: string): string {
  const fields = [CORE_PROTOCOL_VERSION, PROTOCOL_VERSION, "unix", socketPath, "grpc"];
  if (certField) fields.push(certField);
  return fields.join("|") + "\n";
}
