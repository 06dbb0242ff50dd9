// hclog-style JSON lines on stderr, which go-plugin re-logs at their level, so TF_LOG_PROVIDER=DEBUG shows them.
// Stdout belongs to the handshake line alone.

export type LogLevel = "trace" | "debug" | "info" | "warn" | "error";
const levelRank: Record<LogLevel, number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4 };
export type LogFields = Record<string, unknown>;

export interface Logger {
  trace(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  with(fields: LogFields): Logger;
  enabled(level: LogLevel): boolean;
}

/** The level Terraform asks for: TF_LOG_PROVIDER first, then TF_LOG; unset means no logs at all. */
export function levelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel | undefined {
  const raw = (env.TF_LOG_PROVIDER || env.TF_LOG || "").trim().toLowerCase();
  if (raw === "" || raw === "off") return undefined;
  if (raw === "json") return "trace";
  return raw in levelRank ? (raw as LogLevel) : "trace";
}

/** go-plugin only accepts timestamps with exactly six fractional digits. */
export function hclogTimestamp(date = new Date()): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

const secrets = new Set<string>();
/** Registers a value that must never appear in a log line; it is replaced by "***". */
export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 4) secrets.add(value);
}
export function redact(text: string): string {
  for (const s of secrets) if (text.includes(s)) text = text.split(s).join("***");
  return text;
}

export function createLogger(
  module = "litellm",
  level: LogLevel | undefined = levelFromEnv(),
  write: (line: string) => void = (line) => process.stderr.write(line),
  base: LogFields = {},
): Logger {
  const min = level === undefined ? Infinity : levelRank[level];
  const emit = (lvl: LogLevel, message: string, fields?: LogFields) => {
    if (levelRank[lvl] < min) return;
    const line: LogFields = { "@level": lvl, "@message": message, "@module": module, "@timestamp": hclogTimestamp(), ...base, ...fields };
    write(redact(JSON.stringify(line, jsonSafe)) + "\n");
  };
  return {
    trace: (m, f) => emit("trace", m, f),
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
    with: (fields) => createLogger(module, level, write, { ...base, ...fields }),
    enabled: (lvl) => levelRank[lvl] >= min,
  };
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Error) return value.message;
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  return value;
}

export const log = createLogger();
