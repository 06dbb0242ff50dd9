// The provider executable's entry point: loads the provider's code embedded in this same file and
// compiles it with V8 code caches, so that each of the 3-4 provider processes Terraform starts per
// command skips parsing and compiling half a megabyte of JavaScript. The code comes in segments (the
// provider, and libraries such as ajv and axios that it loads only for some calls), each compiled on
// first use with its own cache. The first runs write the caches, at exit, whenever they served RPC
// methods a cache did not cover yet.

import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import vm from "node:vm";
import { cacheDir, cacheFileName, isCovered, readCodeCache, writeCodeCache, type CachedCode } from "./code-cache";
import { decodeSegment, type SegmentIndex } from "./payload";

/**
 * Filled in by scripts/build-provider.mjs: the code's hash, where the payload comment starts in this
 * file, where each segment lies in it, and which module names each library segment provides.
 */
declare const __LITELLM_PAYLOAD__: string;
interface PayloadInfo {
  id: string;
  at: number;
  segments: SegmentIndex;
  libraries: Record<string, string[]>;
}

type SegmentEntry = (exports: object | undefined, require: (id: string) => unknown, module: { exports: unknown }, filename: string, dirname: string) => void;
interface CoreExports {
  /** RPC methods this process served (provider/main.ts exports it). */
  servedMethods?: () => string[];
}

interface Loaded {
  name: string;
  script: vm.Script;
  file: string | undefined;
  /** The coverage of the cache it was compiled with, or undefined when there was none it could use. */
  coverage: string[] | undefined;
}

const info = JSON.parse(__LITELLM_PAYLOAD__) as PayloadInfo;
const executable = fs.openSync(__filename, "r");
const dir = cacheDir({ env: process.env, platform: process.platform, home: safeHome() });
const loaded: Loaded[] = [];
const libraryOf = new Map(Object.entries(info.libraries).flatMap(([segment, ids]) => ids.map((id) => [id, segment] as const)));
const libraries = new Map<string, (id: string) => unknown>();
const core = { exports: {} as CoreExports };

if (dir) process.once("exit", saveGrownCaches);
run("core", core);

/** Compiles a segment (with its cache when there is a usable one) and runs it as a CommonJS module. */
function run(name: string, module: { exports: unknown }): void {
  const file = dir && path.join(dir, cacheFileName(info.id, name, process.version, process.arch));
  const cached: CachedCode | undefined = file ? readCodeCache(file) : undefined;
  const script = new vm.Script(readSegment(name), { filename: `${__filename}#${name}`, cachedData: cached?.data });
  const usable = cached && !script.cachedDataRejected;
  loaded.push({ name, script, file, coverage: usable ? cached.coverage : undefined });
  // For the benchmark's reports: how each segment's cache served this process.
  const status = ((globalThis as Record<symbol, Record<string, string>>)[Symbol.for("litellm-tf.code-cache")] ??= {});
  status[name] = !file ? "off" : usable ? "hit" : cached ? "rejected" : "miss";
  const entry = script.runInThisContext() as SegmentEntry;
  entry.call(module.exports as object, module.exports as object, segmentRequire, module, __filename, __dirname);
}

/** Reads one segment's bytes from this file (not the whole file: a process needs only some segments). */
function readSegment(name: string): string {
  const [start, end] = info.segments[name]!;
  const bytes = Buffer.alloc(end - start);
  const read = fs.readSync(executable, bytes, 0, bytes.length, info.at + start);
  if (read !== bytes.length) throw new Error("the provider executable is damaged (it is shorter than its index says); reinstall it");
  return decodeSegment(bytes.toString("latin1"));
}

/** `require` for the segments: the library segments' modules, else Node's own. */
function segmentRequire(id: string): unknown {
  const segment = libraryOf.get(id);
  if (segment === undefined) return require(id);
  let load = libraries.get(segment);
  if (!load) {
    const module = { exports: undefined as unknown };
    run(segment, module);
    libraries.set(segment, (load = module.exports as (id: string) => unknown));
  }
  return load(id);
}

function saveGrownCaches(): void {
  const served = core.exports.servedMethods?.() ?? [];
  // A process that served nothing (run by hand, refused to start) has nothing worth caching.
  if (served.length === 0) return;
  for (const { script, file, coverage } of loaded) {
    if (!file || (coverage && isCovered(served, coverage))) continue;
    // Functions deserialized from the old cache count as compiled, so the new cache is a superset.
    writeCodeCache(file, { data: script.createCachedData(), coverage: [...new Set([...(coverage ?? []), ...served])].sort() });
  }
}

function safeHome(): string | undefined {
  try {
    return os.homedir();
  } catch {
    return undefined;
  }
}
