// The one command-line parser of litellm-tf and its scripts: node:util parseArgs (strict) over a declared
// list of flags, from which the usage text is written too, so --help always lists exactly the accepted flags.
// Every command gets --help/-h; any mistake is a UsageError that carries the command's usage.
import { parseArgs } from "node:util";

/** A mistake in the command line: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(
    message: string,
    /** The usage text of the command that was called, when known. */
    readonly usage?: string,
  ) {
    super(message);
  }
}

export function isUsageError(e: unknown): e is UsageError {
  return e instanceof Error && e.name === "UsageError";
}

export interface FlagSpec {
  readonly type: "string" | "boolean";
  /** A string flag that may repeat; each value may also be a comma-separated list. */
  readonly list?: boolean;
  /** The value's placeholder in the usage, e.g. "DIR". */
  readonly value?: string;
  readonly description: string;
}

export interface CommandSpec<F extends Record<string, FlagSpec> = Record<string, FlagSpec>> {
  /** As typed, e.g. "litellm-tf install". */
  readonly command: string;
  /** Prose between the synopsis and the flags. */
  readonly about?: string;
  readonly flags: F;
  /** Prose after the flags. */
  readonly notes?: string;
}

export type FlagValues<F extends Record<string, FlagSpec>> = {
  [K in keyof F]?: F[K]["type"] extends "boolean" ? boolean : F[K]["list"] extends true ? string[] : string;
} & { help: boolean };

const HELP: FlagSpec = { type: "boolean", description: "print this help" };

/** Parses `argv` (without the command name); throws a UsageError carrying the usage on any mistake. */
export function parseCommandLine<F extends Record<string, FlagSpec>>(spec: CommandSpec<F>, argv: readonly string[]): FlagValues<F> {
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean; short?: string }> = { help: { type: "boolean", short: "h" } };
  for (const [name, flag] of Object.entries(spec.flags)) options[name] = { type: flag.type, ...(flag.list ? { multiple: true } : {}) };
  const fail = (message: string): never => {
    throw new UsageError(message, usage(spec));
  };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false, tokens: true });
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option") continue;
    const flag = spec.flags[token.name];
    if (flag?.type === "string" && token.value === "") fail(`Option '${token.rawName}' needs a value`);
    if (flag?.type === "string" && !flag.list && seen.has(token.name)) fail(`Option '${token.rawName}' is given twice`);
    seen.add(token.name);
  }
  const values: Record<string, unknown> = { ...parsed.values, help: parsed.values.help === true };
  for (const [name, flag] of Object.entries(spec.flags)) {
    if (flag.list && Array.isArray(values[name])) values[name] = (values[name] as string[]).flatMap((v) => v.split(",")).filter(Boolean);
  }
  return values as FlagValues<F>;
}

/** The usage text: synopsis, prose, then every flag (and --help) with its description. */
export function usage(spec: CommandSpec): string {
  const flags = Object.entries({ ...spec.flags, help: HELP });
  const label = ([name, f]: [string, FlagSpec]) => `--${name}${name === "help" ? ", -h" : ""}${f.type === "string" ? ` ${f.value ?? "VALUE"}` : ""}`;
  const synopsis = flags.map((entry) => `[${label(entry).replace(", -h", "")}]${entry[1].list ? "..." : ""}`).join(" ");
  const width = Math.max(...flags.map((entry) => label(entry).length));
  const rows = flags.map((entry) => {
    const [first, ...more] = entry[1].description.split("\n");
    return [`  ${label(entry).padEnd(width)}  ${first}`, ...more.map((line) => `  ${"".padEnd(width)}  ${line}`)].join("\n");
  });
  return [`Usage: ${spec.command} ${synopsis}`, ...(spec.about ? ["", spec.about] : []), "", rows.join("\n"), ...(spec.notes ? ["", spec.notes] : [])].join("\n") + "\n";
}

/** For scripts: the flags, or the process ends (usage on stdout and 0 for --help; message and usage on stderr and 2 for a mistake). */
export function parseScriptArgs<F extends Record<string, FlagSpec>>(spec: CommandSpec<F>, argv: readonly string[]): FlagValues<F> {
  try {
    const flags = parseCommandLine(spec, argv);
    if (!flags.help) return flags;
    process.stdout.write(usage(spec));
    process.exit(0);
  } catch (e) {
    if (!isUsageError(e)) throw e;
    process.stderr.write(`${spec.command}: ${e.message}\n\n${e.usage ?? ""}`);
    process.exit(2);
  }
}
