// litellm-tf <command> [args]. One line per command; each module loads only when its command runs,
// so start-up stays fast however many commands there are.

import { isUsageError } from "./command-line";

interface Command {
  summary: string;
  run(argv: string[]): Promise<void>;
}

const commands: Record<string, Command> = {
  emulator: { summary: "run the LiteLLM API emulator", run: async (argv) => (await import("./commands/emulator.js")).runEmulatorCommand(argv) },
  demo: { summary: "create, plan, import and destroy a user on the built-in emulator with terraform", run: async (argv) => (await import("./commands/demo.js")).runDemoCommand(argv) },
  install: { summary: "install the provider where terraform init finds it (filesystem mirror)", run: async (argv) => (await import("./commands/install.js")).runInstallCommand(argv) },
  package: { summary: "write release zips, SHA256SUMS and a network mirror", run: async (argv) => (await import("./commands/package.js")).runPackageCommand(argv) },
  "provider-dir": { summary: "print the directory of the built provider, for dev_overrides", run: async (argv) => (await import("./commands/provider-dir.js")).runProviderDirCommand(argv) },
  help: { summary: "show this help", run: async () => void process.stdout.write(helpText()) },
};

function helpText(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `Usage: litellm-tf <command> [args]\n\nCommands:\n${lines.join("\n")}\n`;
}

/** Returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name = "help", ...rest] = argv;
  const command = commands[name === "--help" || name === "-h" ? "help" : name];
  if (!command) {
    process.stderr.write(`litellm-tf: unknown command "${name}"\n\n${helpText()}`);
    return 2;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (error) {
    process.stderr.write(`litellm-tf ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    if (!isUsageError(error)) return 1;
    if (error.usage) process.stderr.write(`\n${error.usage}`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
