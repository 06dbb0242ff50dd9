// The litellm-tf package this CLI belongs to: its version and the provider bundle it ships.
// Found by walking up from this file, which works from source (tsx), from dist/cli.js and from
// node_modules/litellm-tf after `npm install`.
import fs from "node:fs";
import path from "node:path";
import { EXECUTABLE_BASENAME } from "./provider-address";
import { checkProviderVersion } from "./version";

const PACKAGE_NAME = "litellm-tf";

export interface ProviderBuild {
  packageRoot: string;
  version: string;
  /** dist/provider: the directory holding the executable, as dev_overrides wants it. */
  providerDir: string;
  executable: string;
}

export function findPackageRoot(start: string = __dirname): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && readManifest(manifest).name === PACKAGE_NAME) return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find the ${PACKAGE_NAME} package.json above ${start}`);
  }
}

/** The built provider of a package root; fails with advice when it has not been built. */
export function locateProviderBuild(packageRoot: string = findPackageRoot()): ProviderBuild {
  const version = checkProviderVersion(String(readManifest(path.join(packageRoot, "package.json")).version ?? ""));
  const providerDir = path.join(packageRoot, "dist", "provider");
  const executable = path.join(providerDir, EXECUTABLE_BASENAME);
  if (!fs.existsSync(executable)) {
    throw new Error(`${executable} is missing: run \`npm run build\` in ${packageRoot} first`);
  }
  return { packageRoot, version, providerDir, executable };
}

function readManifest(file: string): { name?: unknown; version?: unknown } {
  return JSON.parse(fs.readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
}
