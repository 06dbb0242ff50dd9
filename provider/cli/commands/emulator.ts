// `litellm-tf emulator`: serve the LiteLLM API emulator until SIGINT/SIGTERM.
// The first stdout line is the URL alone, so scripts can read it; human text follows.

import fs from "node:fs";
import { DEFAULT_MASTER_KEY, parseProxyConfig, ProxyConfigError, startEmulator, type EmulatorOptions } from "../../emulator/index";

const USAGE = `Usage: litellm-tf emulator [--port P] [--host H] [--master-key K] [--legacy] [--enterprise] [--tls-cert FILE --tls-key FILE] [--seed N] [--config FILE]

  --port P         port to listen on (default 4000; 0 picks a free port)
  --host H         address to bind (default 127.0.0.1)
  --master-key K   admin key (default $LITELLM_MASTER_KEY, else ${DEFAULT_MASTER_KEY})
  --legacy         behave like LiteLLM <= 1.80.7
  --enterprise     behave as with an enterprise licence (team admins can be assigned)
  --tls-cert FILE  PEM certificate; with --tls-key, serve https
  --tls-key FILE   PEM private key
  --seed N         seed for probabilistic fault rules
  --config FILE    a LiteLLM config.yaml to behave like: general_settings.litellm_key_header_name and
                   litellm_settings.default_internal_user_params, max_internal_user_budget,
                   internal_user_budget_duration, default_team_settings (other settings are ignored)`;

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export function parseEmulatorArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): EmulatorOptions & { help?: boolean } {
  const options: EmulatorOptions & { help?: boolean } = { port: 4000, masterKey: env.LITELLM_MASTER_KEY || DEFAULT_MASTER_KEY };
  let certFile: string | undefined;
  let keyFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = splitFlag(argv[i]!);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith("--"))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--port": options.port = integer(flag, value(), 0, 65535); break;
      case "--host": options.host = value(); break;
      case "--master-key": options.masterKey = value(); break;
      case "--legacy": options.legacy = true; break;
      case "--enterprise": options.enterprise = true; break;
      case "--tls-cert": certFile = value(); break;
      case "--tls-key": keyFile = value(); break;
      case "--seed": options.seed = integer(flag, value(), 0, 2 ** 32 - 1); break;
      case "--config": options.settings = proxyConfig(value()); break;
      case "--help": case "-h": options.help = true; break;
      default: throw new UsageError(`unknown argument ${argv[i]}`);
    }
  }
  if ((certFile === undefined) !== (keyFile === undefined)) throw new UsageError("--tls-cert and --tls-key go together");
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
    throw new UsageError(`--config: cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return parseProxyConfig(text);
  } catch (e) {
    if (e instanceof ProxyConfigError) throw new UsageError(`--config ${file}: ${e.message}`);
    throw e;
  }
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf("=");
  return arg.startsWith("--") && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}

function integer(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`${flag} must be an integer from ${min} to ${max}`);
  return n;
}

export async function runEmulatorCommand(argv: string[]): Promise<void> {
  const options = parseEmulatorArgs(argv);
  if (options.help) {
    process.stdout.write(USAGE + "\n");
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

export const emulatorUsage = USAGE;
