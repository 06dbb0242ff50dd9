// `litellm-tf install`: put the built provider where `terraform init` finds it, as a filesystem mirror.
import path from "node:path";
import { parseCommandLine, usage, type CommandSpec } from "../command-line";
import { cliConfigFindings, cliConfigWarnings, filesystemMirrorBlock } from "../distribution/cli-config";
import { defaultMirrorDir, hostContext, isImplicitMirror, type HostContext } from "../distribution/implicit-mirror";
import { installProvider, type InstallResult } from "../distribution/install-provider";
import { locateProviderBuild } from "../distribution/package-root";
import { SCRIPT_PLATFORMS, terraformPlatform } from "../distribution/platforms";
import { PROVIDER_SOURCE } from "../distribution/provider-address";
import { versionNotes } from "../distribution/version";

export const installCommand = {
  command: "litellm-tf install",
  about: `Installs ${PROVIDER_SOURCE} as a filesystem mirror (Terraform's unpacked layout), so a plain
\`terraform init\` installs it and writes .terraform.lock.hcl, as with a registry provider.`,
  flags: {
    dir: {
      type: "string",
      value: "D",
      description: "mirror directory (default: ~/.terraform.d/plugins, or %APPDATA%\\terraform.d\\plugins,\nwhich Terraform searches without any CLI configuration)",
    },
    platform: {
      type: "string",
      list: true,
      value: "OS_ARCH",
      description: `OS_ARCH to install for; repeat or comma-separate, or "all"\n(default: this machine's; supported: ${SCRIPT_PLATFORMS.join(", ")})`,
    },
    force: { type: "boolean", description: "replace a different build already installed under the same version" },
  },
  notes: "The provider runs with the `node` (>= 20) on Terraform's PATH.",
} as const satisfies CommandSpec;

export async function runInstallCommand(argv: string[], host: HostContext = hostContext()): Promise<void> {
  const flags = parseCommandLine(installCommand, argv);
  if (flags.help) return void process.stdout.write(usage(installCommand));
  const mirrorDir = path.resolve(flags.dir ?? defaultMirrorDir(host));
  const requested = flags.platform ?? [terraformPlatform()];
  const platforms = requested.includes("all") ? [...SCRIPT_PLATFORMS] : requested;
  const result = installProvider({ build: locateProviderBuild(), mirrorDir, platforms, force: flags.force ?? false });

  const implicit = isImplicitMirror(mirrorDir, host);
  // An implied mirror is searched only while no CLI configuration file has a provider_installation block.
  const blockingConfigs = implicit ? cliConfigFindings(host).providerInstallation : [];
  process.stdout.write(report(result, mirrorDir, implicit, blockingConfigs));
  const warnings = [...versionNotes(result.version), ...cliConfigWarnings(host, implicit)];
  // One write, one warning per line: nothing else can land between them.
  if (warnings.length > 0) process.stderr.write(warnings.map((w) => `Warning: ${w}\n`).join(""));
}

function report(result: InstallResult, mirrorDir: string, implicit: boolean, blockingConfigs: string[]): string {
  const lines: string[] = [];
  for (const p of result.platforms) {
    const what = { installed: "Installed", unchanged: "Already installed (same build)", replaced: `Replaced a different build (${p.previousHash})` }[p.status];
    lines.push(`${what}: ${PROVIDER_SOURCE} ${result.version} for ${p.platform}`, `  ${p.executable}`);
  }
  lines.push(`  lock file hash: ${result.hash}`);
  if (result.platforms.some((p) => p.status === "replaced")) {
    lines.push("", "Configurations whose .terraform.lock.hcl recorded the old hash: remove the provider's entry there, then run terraform init.");
  }
  lines.push("");
  if (implicit && blockingConfigs.length === 0) {
    lines.push(`Terraform searches ${mirrorDir} without any CLI configuration: run \`terraform init\` in your configuration.`);
  } else if (implicit) {
    lines.push(
      `Terraform searches ${mirrorDir} by itself only while no CLI configuration has a provider_installation block,`,
      `and ${blockingConfigs.join(" and ")} has one. Put this filesystem_mirror block into that provider_installation block`,
      "(and the exclude into its direct block, if it has one), then run `terraform init`:",
      "",
      filesystemMirrorBlock(mirrorDir).trimEnd(),
    );
  } else {
    lines.push(
      "Terraform does not search this directory by itself. Add this to your CLI configuration",
      "(~/.terraformrc, %APPDATA%\\terraform.rc, or the file TF_CLI_CONFIG_FILE names), then run `terraform init`:",
      "",
      filesystemMirrorBlock(mirrorDir).trimEnd(),
    );
  }
  return `${lines.join("\n")}\n`;
}
