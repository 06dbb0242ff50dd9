// `litellm-tf provider-dir`: the absolute path of dist/provider, the directory a dev_overrides block
// names. Stdout is the path alone so scripts can use it; --cli-config prints the whole block instead.
import fs from "node:fs";
import { parseCommandLine, usage, type CommandSpec } from "../command-line";
import { devOverridesBlock } from "../distribution/cli-config";
import { locateProviderBuild } from "../distribution/package-root";
import { EXECUTABLE_BASENAME } from "../distribution/provider-address";

export const providerDirCommand = {
  command: "litellm-tf provider-dir",
  about: `Prints the absolute path of the directory holding the built ${EXECUTABLE_BASENAME}, for a
dev_overrides block (contributors only; users run \`litellm-tf install\`).`,
  flags: {
    "cli-config": { type: "boolean", description: "print a provider_installation block with that dev_overrides entry" },
  },
} as const satisfies CommandSpec;

export async function runProviderDirCommand(argv: string[]): Promise<void> {
  const flags = parseCommandLine(providerDirCommand, argv);
  if (flags.help) return void process.stdout.write(usage(providerDirCommand));
  const build = locateProviderBuild();
  checkProviderDir(build.providerDir, build.executable);
  process.stdout.write(flags["cli-config"] ? devOverridesBlock(build.providerDir) : `${build.providerDir}\n`);
}

/** Terraform runs the lexically first terraform-provider-litellm* file, so there must be one, and executable. */
export function checkProviderDir(dir: string, executable: string): void {
  const candidates = fs.readdirSync(dir).filter((f) => f === EXECUTABLE_BASENAME || f.startsWith(`${EXECUTABLE_BASENAME}_`) || f.startsWith(`${EXECUTABLE_BASENAME}.`));
  if (candidates.length !== 1) {
    throw new Error(`${dir} should hold exactly one ${EXECUTABLE_BASENAME} executable, found: ${candidates.join(", ")}; run \`npm run build\``);
  }
  if (process.platform !== "win32" && (fs.statSync(executable).mode & 0o111) === 0) {
    // npm can drop the bit when it unpacks the package; the file is ours to fix.
    fs.chmodSync(executable, 0o755);
  }
}
