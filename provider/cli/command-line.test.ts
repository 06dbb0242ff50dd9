import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";
import { isUsageError, parseCommandLine, usage, type CommandSpec } from "./command-line";
import { demoCommand } from "./commands/demo";
import { emulatorCommand } from "./commands/emulator";
import { installCommand } from "./commands/install";
import { packageCommand } from "./commands/package";
import { providerDirCommand } from "./commands/provider-dir";

const spec = {
  command: "litellm-tf try",
  flags: {
    dir: { type: "string", value: "D", description: "a directory" },
    platform: { type: "string", list: true, value: "P", description: "platforms\nsecond line" },
    force: { type: "boolean", description: "a switch" },
  },
} as const satisfies CommandSpec;

const refused = (argv: string[], message: RegExp) =>
  assert.throws(
    () => parseCommandLine(spec, argv),
    (e: unknown) => isUsageError(e) && message.test(e.message) && e.usage === usage(spec),
    `${argv.join(" ")} should be refused with ${message}`,
  );

describe("parseCommandLine", () => {
  it("reads values, lists and switches in either spelling, and --help/-h", () => {
    assert.deepEqual(parseCommandLine(spec, ["--dir", "/m", "--platform=linux_amd64,darwin_arm64", "--platform", "linux_arm64", "--force"]), {
      dir: "/m",
      platform: ["linux_amd64", "darwin_arm64", "linux_arm64"],
      force: true,
      help: false,
    });
    assert.deepEqual(parseCommandLine(spec, ["-h"]), { help: true });
    assert.deepEqual(parseCommandLine(spec, []), { help: false });
  });

  it("refuses every mistake with a UsageError that carries the usage", () => {
    refused(["--nope"], /Unknown option '--nope'/);
    refused(["stray"], /Unexpected argument 'stray'/);
    refused(["--dir"], /'--dir <value>' argument missing/);
    refused(["--dir", "--force"], /'--dir' argument is ambiguous/);
    refused(["--dir="], /'--dir' needs a value/);
    refused(["--dir", "a", "--dir", "b"], /'--dir' is given twice/);
    refused(["--force=yes"], /'--force' does not take an argument/);
  });

  it("writes the usage from the flags: synopsis, every flag with its placeholder, --help", () => {
    assert.equal(
      usage(spec),
      [
        "Usage: litellm-tf try [--dir D] [--platform P]... [--force] [--help]",
        "",
        "  --dir D       a directory",
        "  --platform P  platforms",
        "                second line",
        "  --force       a switch",
        "  --help, -h    print this help",
        "",
      ].join("\n"),
    );
  });
});

describe("every litellm-tf command", () => {
  const root = path.resolve(__dirname, "../..");
  const cli = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", "provider/cli/main.ts", ...args], { cwd: root, encoding: "utf8" });
  const commands: [string, CommandSpec][] = [
    ["emulator", emulatorCommand],
    ["demo", demoCommand],
    ["install", installCommand],
    ["package", packageCommand],
    ["provider-dir", providerDirCommand],
  ];
  for (const [name, command] of commands) {
    it(`${name}: --help lists its flags; an unknown flag is refused with the usage`, () => {
      const help = cli([name, "--help"]);
      assert.equal(help.status, 0, help.stderr);
      assert.equal(help.stdout, usage(command));
      for (const flag of [...Object.keys(command.flags), "help"]) assert.match(help.stdout, new RegExp(`^  --${flag}\\b`, "m"));
      const wrong = cli([name, "--no-such-flag"]);
      assert.equal(wrong.status, 2);
      assert.equal(wrong.stdout, "");
      assert.equal(wrong.stderr, `litellm-tf ${name}: Unknown option '--no-such-flag'\n\n${usage(command)}`);
    });
  }
});
