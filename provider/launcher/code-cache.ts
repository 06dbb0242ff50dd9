// Where the launcher keeps the V8 code cache of the provider bundle, and its file format.
// The cache lives outside the provider directory (which must stay byte-identical for lock-file hashes)
// in the user's own cache directory, keyed by bundle hash, Node version and architecture. V8 itself
// rejects a cache made by another V8 or with other flags; we then simply compile and write a new one.

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const CACHE_DIR_ENV = "LITELLM_TF_CACHE_DIR";
export const CODE_CACHE_ENV = "LITELLM_TF_CODE_CACHE";
const MAGIC = "LTCC2\n";
/** Caches untouched for this long are removed when a new one is written. */
const PRUNE_AFTER_MS = 30 * 24 * 3600_000;

export interface CachedCode {
  data: Buffer;
  /** The RPC methods served by the processes whose compiled functions the cache holds. */
  coverage: string[];
}

export interface HostInfo {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string | undefined;
}

/** The user's cache directory for litellm-tf, or undefined when caching is off or there is no home. */
export function cacheDir({ env, platform, home }: HostInfo): string | undefined {
  const mode = (env[CODE_CACHE_ENV] ?? "").toLowerCase();
  if (mode === "off" || mode === "0" || mode === "false") return undefined;
  if (env[CACHE_DIR_ENV]) return path.resolve(env[CACHE_DIR_ENV]!);
  if (platform === "win32") return env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, "litellm-tf", "cache") : undefined;
  if (!home) return undefined;
  if (platform === "darwin") return path.join(home, "Library", "Caches", "litellm-tf");
  return path.join(env.XDG_CACHE_HOME || path.join(home, ".cache"), "litellm-tf");
}

export function cacheFileName(bundleId: string, segment: string, nodeVersion: string, arch: string): string {
  return `provider-${bundleId}-${segment}-node${nodeVersion.replace(/^v/, "")}-${arch}.v8cache`;
}

export function readCodeCache(file: string): CachedCode | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.toString("latin1", 0, MAGIC.length) !== MAGIC) return undefined;
  const headerEnd = bytes.indexOf(0x0a, MAGIC.length);
  if (headerEnd < 0) return undefined;
  try {
    const header = JSON.parse(bytes.toString("utf8", MAGIC.length, headerEnd)) as { coverage?: unknown; sha256?: unknown };
    const coverage = Array.isArray(header.coverage) ? header.coverage.filter((m): m is string => typeof m === "string") : [];
    const data = bytes.subarray(headerEnd + 1);
    // V8 does not checksum code caches in release builds, and damaged data can crash the process.
    if (header.sha256 !== digest(data)) return undefined;
    return { data, coverage };
  } catch {
    return undefined;
  }
}

function digest(data: Uint8Array): string {
  return crypto.createHash("sha256").update(data).digest("hex");
}

/** Writes atomically (temp file + rename), so concurrent providers never read half a cache. Never throws. */
export function writeCodeCache(file: string, cache: CachedCode): void {
  const dir = path.dirname(file);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const header = JSON.stringify({ coverage: cache.coverage, sha256: digest(cache.data) });
    fs.writeFileSync(temp, Buffer.concat([Buffer.from(`${MAGIC}${header}\n`), cache.data]), { mode: 0o600 });
    fs.renameSync(temp, file);
    pruneOld(dir, path.basename(file));
  } catch {
    fs.rmSync(temp, { force: true });
  }
}

function pruneOld(dir: string, keep: string): void {
  const cutoff = Date.now() - PRUNE_AFTER_MS;
  for (const name of fs.readdirSync(dir)) {
    if (name === keep || !name.startsWith("provider-")) continue;
    const file = path.join(dir, name);
    try {
      if (fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file, { force: true });
    } catch {
      // Another process may have removed it already.
    }
  }
}

/** Whether every method in `served` is already in `covered`. */
export function isCovered(served: readonly string[], covered: readonly string[]): boolean {
  const known = new Set(covered);
  return served.every((m) => known.has(m));
}
