// A small flag parser for the distribution commands: --name value, --name=value, repeatable lists, switches.
import { UsageError } from "./usage-error";

export type FlagKind = "value" | "list" | "switch";

export type ParsedFlags<S extends Record<string, FlagKind>> = {
  [K in keyof S]?: S[K] extends "list" ? string[] : S[K] extends "switch" ? boolean : string;
};

export function parseFlags<S extends Record<string, FlagKind>>(argv: string[], spec: S): ParsedFlags<S> {
  const out: Record<string, string | string[] | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg === "-h" ? "--help" : arg;
    const inline = arg.startsWith("--") && eq > 0 ? arg.slice(eq + 1) : undefined;
    const name = flag.replace(/^--/, "");
    const kind = flag.startsWith("--") ? spec[name] : undefined;
    if (kind === undefined) throw new UsageError(`unknown argument ${arg}`);
    if (kind === "switch") {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
      out[name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === "" || (inline === undefined && value.startsWith("--"))) throw new UsageError(`${flag} needs a value`);
    if (kind === "list") out[name] = [...((out[name] as string[] | undefined) ?? []), ...value.split(",").filter(Boolean)];
    else if (name in out) throw new UsageError(`${flag} given twice`);
    else out[name] = value;
  }
  return out as ParsedFlags<S>;
}
