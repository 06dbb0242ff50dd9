// Lays the built provider out as a filesystem mirror in Terraform's unpacked layout:
// MIRROR/HOST/NS/TYPE/VERSION/OS_ARCH/terraform-provider-litellm_vVERSION. The executable is a copy
// (init symlinks this directory into .terraform/providers, so it must stand alone) with exactly the
// bundle's bytes, so one version always has one h1 hash and lock files stay valid across re-installs.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { packageHashH1, type HashedFile } from "./h1-hash";
import type { ProviderBuild } from "./package-root";
import { checkScriptPlatform } from "./platforms";
import { providerPathSegments, versionedExecutableName } from "./provider-address";

export interface InstallOptions {
  build: ProviderBuild;
  mirrorDir: string;
  platforms: string[];
  /** Replace a different build already installed under the same version. */
  force?: boolean;
}

export type InstallStatus = "installed" | "unchanged" | "replaced";

export interface InstalledPlatform {
  platform: string;
  dir: string;
  executable: string;
  status: InstallStatus;
  /** The h1 hash of what a replace removed. */
  previousHash?: string;
}

export interface InstallResult {
  version: string;
  /** The h1 hash `terraform init` records for each installed platform. */
  hash: string;
  platforms: InstalledPlatform[];
}

export class DifferentBuildInstalledError extends Error {
  override readonly name = "DifferentBuildInstalledError";
}

export function versionDir(mirrorDir: string, version: string): string {
  return path.join(path.resolve(mirrorDir), ...providerPathSegments(), version);
}

export function installProvider(options: InstallOptions): InstallResult {
  const { build } = options;
  const platforms = [...new Set(options.platforms.map(checkScriptPlatform))];
  const file: HashedFile = { name: versionedExecutableName(build.version), data: fs.readFileSync(build.executable) };
  const hash = packageHashH1([file]);
  const parent = versionDir(options.mirrorDir, build.version);

  // Check every platform before writing any, so a refusal leaves the mirror as it was.
  const previous = new Map(platforms.map((platform) => [platform, existingPackageHash(path.join(parent, platform))]));
  for (const [platform, old] of previous) {
    if (old !== undefined && old !== hash && !options.force) {
      throw new DifferentBuildInstalledError(
        `${path.join(parent, platform)} holds a different build of ${build.version} (${old}, this build is ${hash}). ` +
          `Lock files that recorded ${old} would stop matching. Bump the version in package.json and rebuild, ` +
          "or pass --force to replace it (then remove this provider from .terraform.lock.hcl and run terraform init).",
      );
    }
  }

  const installed = platforms.map((platform): InstalledPlatform => {
    const dir = path.join(parent, platform);
    const executable = path.join(dir, file.name);
    const old = previous.get(platform);
    if (old === hash && isExecutable(executable)) return { platform, dir, executable, status: "unchanged" };
    replaceDirectory(dir, file);
    return old === undefined ? { platform, dir, executable, status: "installed" } : { platform, dir, executable, status: "replaced", previousHash: old };
  });
  return { version: build.version, hash, platforms: installed };
}

/** The h1 hash of an installed package directory, or undefined when there is none. */
export function existingPackageHash(dir: string): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  return packageHashH1(listFiles(dir, "").map((name) => ({ name, data: fs.readFileSync(path.join(dir, name)) })));
}

function listFiles(root: string, prefix: string): string[] {
  return fs.readdirSync(path.join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(root, rel) : [rel];
  });
}

function isExecutable(file: string): boolean {
  if (process.platform === "win32") return true;
  try {
    return (fs.statSync(file).mode & 0o111) === 0o111;
  } catch {
    return false;
  }
}

/**
 * Builds the package directory beside its final place, then swaps it in with renames, so Terraform
 * never sees a half-written executable and no stale file from an older layout stays behind.
 */
function replaceDirectory(dir: string, file: HashedFile): void {
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = path.join(path.dirname(dir), `.${path.basename(dir)}.new-${tag}`);
  const retired = path.join(path.dirname(dir), `.${path.basename(dir)}.old-${tag}`);
  fs.mkdirSync(staging, { recursive: true });
  try {
    const target = path.join(staging, file.name);
    fs.writeFileSync(target, file.data, { mode: 0o755 });
    fs.chmodSync(target, 0o755); // the umask may have removed bits
    const hadOld = fs.existsSync(dir);
    if (hadOld) fs.renameSync(dir, retired);
    try {
      fs.renameSync(staging, dir);
    } catch (error) {
      if (hadOld) fs.renameSync(retired, dir);
      throw error;
    }
    if (hadOld) fs.rmSync(retired, { recursive: true, force: true });
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
