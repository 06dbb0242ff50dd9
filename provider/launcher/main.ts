// The provider executable's entry point: loads the provider bundle embedded in this same file and
// compiles it with a V8 code cache, so that each of the 3-4 provider processes Terraform starts per
// command skips parsing and compiling half a megabyte of JavaScript. The first runs write the cache,
// at exit, whenever they served RPC methods the cache did not cover yet.

import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import vm from "node:vm";
import { cacheDir, cacheFileName, isCovered, readCodeCache, writeCodeCache, type CachedCode } from "./code-cache";
import { decodePayload } from "./payload";

// Filled in by scripts/build.mjs: the bundle's content hash and where its comment starts in this file.
declare const __LITELLM_BUNDLE_ID__: string;
declare const __LITELLM_PAYLOAD_AT__: string;

type BundleEntry = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;
interface BundleExports {
  /** RPC methods this process served (provider/main.ts exports it). */
  servedMethods?: () => string[];
}

const source = decodePayload(fs.readFileSync(__filename, "latin1"), Number(__LITELLM_PAYLOAD_AT__));
const dir = cacheDir({ env: process.env, platform: process.platform, home: safeHome() });
const file = dir && path.join(dir, cacheFileName(__LITELLM_BUNDLE_ID__, process.version, process.arch));
const cached = file ? readCodeCache(file) : undefined;
const script = new vm.Script(source, { filename: __filename, cachedData: cached?.data });
const usable: CachedCode | undefined = cached && !script.cachedDataRejected ? cached : undefined;
// For the benchmark's reports: did this start use the cache?
(globalThis as Record<symbol, unknown>)[Symbol.for("litellm-tf.code-cache")] = !file ? "off" : usable ? "hit" : cached ? "rejected" : "miss";

const bundleModule = { exports: {} as BundleExports };
const entry = script.runInThisContext() as BundleEntry;
if (file) process.once("exit", () => saveIfGrown(file));
entry.call(bundleModule.exports, bundleModule.exports, require, bundleModule, __filename, __dirname);

function saveIfGrown(cacheFile: string): void {
  const served = bundleModule.exports.servedMethods?.() ?? [];
  // A process that served nothing (run by hand, refused to start) has nothing worth caching.
  if (served.length === 0 || (usable && isCovered(served, usable.coverage))) return;
  // Functions deserialized from the old cache count as compiled, so the new cache is a superset.
  const coverage = [...new Set([...(usable?.coverage ?? []), ...served])].sort();
  writeCodeCache(cacheFile, { data: script.createCachedData(), coverage });
}

function safeHome(): string | undefined {
  try {
    return os.homedir();
  } catch {
    return undefined;
  }
}
