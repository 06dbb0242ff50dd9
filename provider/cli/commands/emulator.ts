// `litellm-tf emulator`: serve the LiteLLM API emulator until SIGINT/SIGTERM.
// The first stdout line is the URL alone, so scripts can read it; human text follows.

import fs from "node:fs";
import { DEFAULT_MASTER_KEY, parseProxyConfig, ProxyConfigError, startEmulator, type EmulatorOptions } from "../../emulator/index";
import { parseCommandLine, usage, UsageError, type CommandSpec } from "../command-line";

export const emulatorCommand = {
  command: "litellm-tf emulator",
  flags: {
    port: { type: "string", value: "P", description: "port to listen on (default 4000; 0 picks a free port)" },
    host: { type: "string", value: "H", description: "address to bind (default 127.0.0.1)" },
    "master-key": { type: "string", value: "K", description: `admin key (default $LITELLM_MASTER_KEY, else ${DEFAULT_MASTER_KEY})` },
    legacy: { type: "boolean", description: "behave like LiteLLM <= 1.80.7" },
    enterprise: { type: "boolean", description: "behave as with an enterprise licence (team admins can be assigned)" },
    "tls-cert": { type: "string", value: "FILE", description: "PEM certificate; with --tls-key, serve https" },
    "tls-key": { type: "string", value: "FILE", description: "PEM private key" },
    seed: { type: "string", value: "N", description: "seed for probabilistic fault rules" },
    config: {
      type: "string",
      value: "FILE",
      description:
        "a LiteLLM config.yaml to behave like: general_settings.litellm_key_header_name and litellm_settings.default_internal_user_params, max_internal_user_budget, internal_user_budget_duration, default_team_settings (other settings are ignored)",
    },
  },
} as const satisfies CommandSpec;

export function parseEmulatorArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): EmulatorOptions & { help?: boolean } {
  const flags = parseCommandLine(emulatorCommand, argv);
  const fail = (message: string): never => {
    throw new UsageError(message, usage(emulatorCommand));
  };
  const integer = (flag: string, text: string, min: number, max: number): number => {
    const n = Number(text);
    return /^\d+$/.test(text) && n >= min && n <= max ? n : fail(`--${flag} must be an integer from ${min} to ${max}`);
  };
  const options: EmulatorOptions & { help?: boolean } = { port: 4000, masterKey: flags["master-key"] ?? (env.LITELLM_MASTER_KEY || DEFAULT_MASTER_KEY) };
  if (flags.help) options.help = true;
  if (flags.port !== undefined) options.port = integer("port", flags.port, 0, 65535);
  if (flags.host !== undefined) options.host = flags.host;
  if (flags.legacy) options.legacy = true;
  if (flags.enterprise) options.enterprise = true;
  if (flags.seed !== undefined) options.seed = integer("seed", flags.seed, 0, 2 ** 32 - 1);
  if (flags.config !== undefined) options.settings = proxyConfig(flags.config);
  const [certFile, keyFile] = [flags["tls-cert"], flags["tls-key"]];
  if ((certFile === undefined) !== (keyFile === undefined)) fail("--tls-cert and --tls-key go together");
  if (certFile !== undefined && keyFile !== undefined) {
    options.tls = { cert: fs.readFileSync(certFile, "utf8"), key: fs.readFileSync(keyFile, "utf8") };
  }
  return options;
}

function proxyConfig(file: string): NonNullable<EmulatorOptions["settings"]> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`--config: cannot read ${file}: ${(e as Error).message}`, usage(emulatorCommand));
  }
  try {
    return parseProxyConfig(text);
  } catch (e) {
    if (e instanceof ProxyConfigError) throw new UsageError(`--config ${file}: ${e.message}`, usage(emulatorCommand));
    throw e;
  }
}

export async function runEmulatorCommand(argv: string[]): Promise<void> {
  const options = parseEmulatorArgs(argv);
  if (options.help) {
    process.stdout.write(usage(emulatorCommand));
    return;
  }
  const emulator = await startEmulator(options);
  const keyNote = options.masterKey === DEFAULT_MASTER_KEY ? `master key ${DEFAULT_MASTER_KEY}` : "master key as given";
  const mode = `${options.legacy ? "legacy behaviour, LiteLLM <= 1.80.7" : "current behaviour"}${options.enterprise ? ", enterprise" : ""}${options.settings ? ", settings from --config" : ""}`;
  process.stdout.write(`${emulator.url}\nLiteLLM emulator listening on ${emulator.url} (${keyNote}, ${mode}). Ctrl-C stops it.\n`);

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      emulator.close().then(resolve, resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

