// Terraform's provider network mirror protocol, as static files under HOST/NS/TYPE/:
//   index.json  {"versions": {"V": {}}}               every version in the mirror (merged, not replaced)
//   V.json      {"archives": {"OS_ARCH": {"url", "hashes"}}}  urls relative to V.json
// With the zips beside them, the same directory is also a packed filesystem mirror.
import fs from "node:fs";
import path from "node:path";
import { providerPathSegments } from "./provider-address";
import { writeIfChanged } from "./write-file";

export interface MirrorArchive {
  platform: string;
  fileName: string;
  data: Buffer;
  hashes: string[];
}

export interface NetworkMirrorOptions {
  mirrorDir: string;
  version: string;
  archives: MirrorArchive[];
}

export function writeNetworkMirror(options: NetworkMirrorOptions): string {
  const dir = path.join(options.mirrorDir, ...providerPathSegments());
  fs.mkdirSync(dir, { recursive: true });
  const archives: Record<string, { url: string; hashes: string[] }> = {};
  for (const archive of options.archives) {
    writeIfChanged(path.join(dir, archive.fileName), archive.data);
    archives[archive.platform] = { url: archive.fileName, hashes: archive.hashes };
  }
  writeIfChanged(path.join(dir, `${options.version}.json`), json({ archives }));

  const indexFile = path.join(dir, "index.json");
  const versions = new Set([...readVersions(indexFile), options.version]);
  const sorted = [...versions].sort(compareVersions);
  writeIfChanged(indexFile, json({ versions: Object.fromEntries(sorted.map((v) => [v, {}])) }));
  return dir;
}

function readVersions(indexFile: string): string[] {
  if (!fs.existsSync(indexFile)) return [];
  try {
    const parsed = JSON.parse(fs.readFileSync(indexFile, "utf8")) as { versions?: Record<string, unknown> };
    return Object.keys(parsed.versions ?? {});
  } catch (error) {
    // Rewriting it would drop the versions it lists.
    throw new Error(`${indexFile} is not valid JSON (${error instanceof Error ? error.message : String(error)}); fix or remove it`);
  }
}

/** Numeric order for major.minor.patch, then text; only for a tidy index.json. */
function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? "";
    const y = pb[i] ?? "";
    const diff = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (diff !== 0) return diff;
  }
  return 0;
}

function json(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
}
