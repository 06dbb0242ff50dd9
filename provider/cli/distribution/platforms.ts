// Terraform names platforms GOOS_GOARCH. The provider is a node script, so one bundle serves every
// platform where node >= 20 runs and Terraform can exec a "#!" script: not Windows (which needs an .exe).
import { UsageError } from "../command-line";

/** Platforms `package` builds archives for and `install --platform` accepts. */
export const SCRIPT_PLATFORMS = ["darwin_amd64", "darwin_arm64", "linux_amd64", "linux_arm64"] as const;

const goos: Partial<Record<NodeJS.Platform, string>> = { linux: "linux", darwin: "darwin", win32: "windows", freebsd: "freebsd", openbsd: "openbsd" };
const goarch: Partial<Record<string, string>> = { x64: "amd64", arm64: "arm64", ia32: "386", arm: "arm" };

/** Terraform's name for the platform node runs on, for example linux_amd64. */
export function terraformPlatform(platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  const os = goos[platform];
  const cpu = goarch[arch];
  if (!os || !cpu) throw new Error(`no Terraform platform name known for node's ${platform}/${arch}`);
  return `${os}_${cpu}`;
}

export function isScriptPlatform(platform: string): boolean {
  return (SCRIPT_PLATFORMS as readonly string[]).includes(platform);
}

export function checkScriptPlatform(platform: string): string {
  if (isScriptPlatform(platform)) return platform;
  if (platform.startsWith("windows_")) {
    throw new UsageError(
      `${platform} is not supported yet: Terraform on Windows needs a .exe, and the provider is a node script. ` +
        "Use Terraform under WSL, or see docs/installation.md (Windows).",
    );
  }
  throw new UsageError(`unsupported platform ${platform}; supported: ${SCRIPT_PLATFORMS.join(", ")}`);
}
