// `litellm-tf package`: release zips, SHA256SUMS, registry manifest and a network mirror directory.
import path from "node:path";
import { parseCommandLine, usage, type CommandSpec } from "../command-line";
import { packageProvider } from "../distribution/package-provider";
import { locateProviderBuild } from "../distribution/package-root";
import { SCRIPT_PLATFORMS } from "../distribution/platforms";

export const packageCommand = {
  command: "litellm-tf package",
  about: `Writes release artifacts for the built provider into D (default ./release):
  terraform-provider-litellm_<version>_<os>_<arch>.zip   one per platform, deterministic bytes
  terraform-provider-litellm_<version>_manifest.json     registry manifest (protocol 6.0)
  terraform-provider-litellm_<version>_SHA256SUMS        sign it (gpg --detach-sign) before a registry upload
  mirror/                                                serve over HTTPS as a network mirror, or use as a
                                                         filesystem_mirror path (packed layout)`,
  flags: {
    out: { type: "string", value: "D", description: "output directory (default ./release)" },
    platform: { type: "string", list: true, value: "OS_ARCH", description: `OS_ARCH; repeat or comma-separate (default: ${SCRIPT_PLATFORMS.join(", ")})` },
  },
} as const satisfies CommandSpec;

export async function runPackageCommand(argv: string[]): Promise<void> {
  const flags = parseCommandLine(packageCommand, argv);
  if (flags.help) return void process.stdout.write(usage(packageCommand));
  const build = locateProviderBuild();
  const outDir = path.resolve(flags.out ?? "release");
  const result = packageProvider({ build, outDir, ...(flags.platform ? { platforms: flags.platform } : {}) });

  const lines = [`Packaged ${build.version} into ${outDir}:`];
  for (const a of result.archives) lines.push(`  ${path.basename(a.file)}  sha256 ${a.sha256}`);
  lines.push(`  ${path.basename(result.manifestFile)}`, `  ${path.basename(result.checksumsFile)}`);
  lines.push(`  mirror/  (network mirror and packed filesystem mirror; lock file hash ${result.archives[0]?.h1})`);
  lines.push("", "Windows is not packaged: Terraform there needs an .exe (see docs/installation.md).");
  process.stdout.write(`${lines.join("\n")}\n`);
}
