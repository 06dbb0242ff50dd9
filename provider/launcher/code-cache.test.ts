// Where the code cache lives, its file format, and when it is skipped.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { cacheDir, cacheFileName, isCovered, readCodeCache, writeCodeCache } from "./code-cache";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "code-cache-test-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("code cache", () => {
  it("lives in the user's cache directory, or where LITELLM_TF_CACHE_DIR says, and can be turned off", () => {
    assert.equal(cacheDir({ env: {}, platform: "linux", home: "/home/u" }), "/home/u/.cache/litellm-tf");
    assert.equal(cacheDir({ env: { XDG_CACHE_HOME: "/x" }, platform: "linux", home: "/home/u" }), "/x/litellm-tf");
    assert.equal(cacheDir({ env: {}, platform: "darwin", home: "/Users/u" }), "/Users/u/Library/Caches/litellm-tf");
    assert.equal(cacheDir({ env: { LITELLM_TF_CACHE_DIR: "/c" }, platform: "linux", home: "/home/u" }), "/c");
    assert.equal(cacheDir({ env: { LITELLM_TF_CODE_CACHE: "off", LITELLM_TF_CACHE_DIR: "/c" }, platform: "linux", home: "/home/u" }), undefined);
    assert.equal(cacheDir({ env: {}, platform: "linux", home: undefined }), undefined);
    assert.equal(cacheFileName("abc", "core", "v20.20.2", "x64"), "provider-abc-core-node20.20.2-x64.v8cache");
  });

  it("writes atomically and reads back the data and the methods it covers", () => {
    const file = path.join(tmp, "sub", cacheFileName("abc", "core", process.version, process.arch));
    writeCodeCache(file, { data: Buffer.from([1, 2, 3]), coverage: ["GetProviderSchema", "PlanResourceChange"] });
    const back = readCodeCache(file)!;
    assert.deepStrictEqual([...back.data], [1, 2, 3]);
    assert.deepStrictEqual(back.coverage, ["GetProviderSchema", "PlanResourceChange"]);
    assert.equal(fs.statSync(path.dirname(file)).mode & 0o777, 0o700);
    assert.deepStrictEqual(fs.readdirSync(path.dirname(file)), [path.basename(file)], "no temp file is left behind");
  });

  it("ignores missing, foreign and damaged files, and prunes caches unused for a month", () => {
    assert.equal(readCodeCache(path.join(tmp, "missing")), undefined);
    const damaged = path.join(tmp, "damaged.v8cache");
    writeCodeCache(damaged, { data: Buffer.alloc(64, 7), coverage: [] });
    const bytes = fs.readFileSync(damaged);
    bytes[bytes.length - 1] ^= 1;
    fs.writeFileSync(damaged, bytes);
    assert.equal(readCodeCache(damaged), undefined, "a flipped bit is caught before V8 sees the data");
    const foreign = path.join(tmp, "foreign");
    fs.writeFileSync(foreign, "not a cache");
    assert.equal(readCodeCache(foreign), undefined);
    const dir = path.join(tmp, "prune");
    fs.mkdirSync(dir);
    const old = path.join(dir, "provider-old.v8cache");
    fs.writeFileSync(old, "x");
    const monthAgo = (Date.now() - 31 * 24 * 3600_000) / 1000;
    fs.utimesSync(old, monthAgo, monthAgo);
    writeCodeCache(path.join(dir, "provider-new.v8cache"), { data: Buffer.alloc(1), coverage: [] });
    assert.deepStrictEqual(fs.readdirSync(dir), ["provider-new.v8cache"]);
  });

  it("knows when a process served methods the cache has not seen", () => {
    assert.equal(isCovered(["ReadResource"], ["PlanResourceChange", "ReadResource"]), true);
    assert.equal(isCovered(["ApplyResourceChange"], ["PlanResourceChange"]), false);
  });
});
