import assert from "node:assert/strict";
import { test } from "node:test";
import { parseFlags } from "./flags";

const spec = { dir: "value", platform: "list", force: "switch", help: "switch" } as const;

test("values, lists and switches in either spelling", () => {
  assert.deepEqual(parseFlags(["--dir", "/m", "--platform=linux_amd64,darwin_arm64", "--platform", "linux_arm64", "--force"], spec), {
    dir: "/m",
    platform: ["linux_amd64", "darwin_arm64", "linux_arm64"],
    force: true,
  });
  assert.deepEqual(parseFlags(["-h"], spec), { help: true });
  assert.deepEqual(parseFlags([], spec), {});
});

test("mistakes are usage errors", () => {
  const usage = (argv: string[], pattern: RegExp) =>
    assert.throws(() => parseFlags(argv, spec), (e: unknown) => e instanceof Error && e.name === "UsageError" && pattern.test(e.message));
  usage(["--dir"], /--dir needs a value/);
  usage(["--dir", "--force"], /--dir needs a value/);
  usage(["--dir="], /--dir needs a value/);
  usage(["--dir", "a", "--dir", "b"], /given twice/);
  usage(["--force=yes"], /takes no value/);
  usage(["--nope"], /unknown argument --nope/);
  usage(["stray"], /unknown argument stray/);
});
