import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { cliConfigFiles, cliConfigWarnings, devOverridesBlock, filesystemMirrorBlock } from "./cli-config";
import { hostContext } from "./implicit-mirror";
import { tempDir } from "./fake-build.test-support";

test("the filesystem_mirror block includes only this provider and excludes it from direct", () => {
  const block = filesystemMirrorBlock("/srv/mirror");
  assert.match(block, /filesystem_mirror \{\n\s+path\s+= "\/srv\/mirror"\n\s+include = \["registry\.terraform\.io\/litellm-tf\/litellm"\]/);
  assert.match(block, /direct \{\n\s+exclude = \["registry\.terraform\.io\/litellm-tf\/litellm"\]/);
  assert.match(filesystemMirrorBlock("C:\\m"), /path\s+= "C:\\\\m"/, "backslashes are escaped for HCL");
  assert.match(devOverridesBlock("/repo/dist/provider"), /"registry\.terraform\.io\/litellm-tf\/litellm" = "\/repo\/dist\/provider"/);
});

test("TF_CLI_CONFIG_FILE replaces ~/.terraformrc; *.tfrc files in ~/.terraform.d are read too", (t) => {
  const home = tempDir(t, "home");
  fs.mkdirSync(path.join(home, ".terraform.d"));
  fs.writeFileSync(path.join(home, ".terraform.d", "b.tfrc"), "");
  fs.writeFileSync(path.join(home, ".terraform.d", "a.tfrc"), "");
  assert.deepEqual(cliConfigFiles(hostContext({ HOME: home }, "linux")), [
    path.join(home, ".terraformrc"),
    path.join(home, ".terraform.d", "a.tfrc"),
    path.join(home, ".terraform.d", "b.tfrc"),
  ]);
  assert.equal(cliConfigFiles(hostContext({ HOME: home, TF_CLI_CONFIG_FILE: "/etc/tf.rc" }, "linux"))[0], "/etc/tf.rc");
});

test("warns when a provider_installation block hides the implied mirrors, or dev_overrides win", (t) => {
  const home = tempDir(t, "home");
  const host = hostContext({ HOME: home }, "linux");
  assert.deepEqual(cliConfigWarnings(host, true), [], "no CLI config at all");

  fs.writeFileSync(path.join(home, ".terraformrc"), 'plugin_cache_dir = "/tmp/x"\n# provider_installation {\n// dev_overrides { "litellm-tf/litellm" = "/x" }\n');
  assert.deepEqual(cliConfigWarnings(host, true), [], "commented-out blocks do not count");

  fs.writeFileSync(path.join(home, ".terraformrc"), 'provider_installation {\n  direct {}\n}\n');
  assert.match(cliConfigWarnings(host, true).join("\n"), /provider_installation block.*implied mirrors/);
  assert.deepEqual(cliConfigWarnings(host, false), [], "an explicit mirror is configured in that block anyway");

  fs.writeFileSync(path.join(home, ".terraformrc"), 'provider_installation {\n  dev_overrides {\n    "litellm-tf/litellm" = "/repo/dist/provider"\n  }\n  direct {}\n}\n');
  assert.match(cliConfigWarnings(host, false).join("\n"), /dev_overrides for litellm-tf\/litellm/);
});
