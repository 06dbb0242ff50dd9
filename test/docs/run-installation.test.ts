// docs/installation.md, run block by block as a new user would (see doc-run-support.ts for the conventions).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { commandLines, DocRun, root, sandbox, substitute } from "./doc-run-support";

const doc = new DocRun("docs/installation.md");
const config = `terraform {
  required_providers {
    litellm = { source = "litellm-tf/litellm" }
  }
}
`;

/** A sample output block as a pattern: "…" stands for anything, /home/ana for the sandbox's HOME. */
function samplePattern(sample: string, home: string): RegExp {
  const escaped = sample.trimEnd().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped.replaceAll("/home/ana", home).replaceAll("…", ".*").replaceAll("0\\.1\\.0", "[^/ ]+").replaceAll("linux_amd64", "\\w+")}$`, "m");
}

test("installation.md: install, init from the implied mirror, the lock file, upgrade, package, --dir", { timeout: 600_000 }, async (t) => {
  const box = sandbox(t, "installation");
  const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };

  // "Install for terraform init", and the sample output it shows.
  const install = await box.sh(substitute(doc.claim("sh", "npm install -g litellm-tf").text));
  assert.match(install.stdout, samplePattern(doc.sample("lock file hash: h1:"), box.home));
  assert.equal(install.stderr.includes("Warning"), false, install.stderr);
  const layout = doc.sample("<dir>/registry.terraform.io").trim();
  const executable = layout
    .replace("<dir>", path.join(box.home, ".terraform.d", "plugins"))
    .replaceAll("<version>", version)
    .replace("<os>_<arch>", `linux_${process.arch === "arm64" ? "arm64" : "amd64"}`);
  assert.ok(fs.statSync(executable).mode & 0o100, `${executable} is installed and executable`);

  // The first init warns about the lock file; the "Lock files" block changes nothing; later inits do not warn.
  const work = path.join(box.dir, "work");
  fs.mkdirSync(work);
  fs.writeFileSync(path.join(work, "main.tf"), config);
  const init = await box.sh("terraform init -no-color", { cwd: work });
  assert.match(init.stdout + init.stderr, /Incomplete lock file information for providers/);
  const lockFile = path.join(work, ".terraform.lock.hcl");
  const locked = fs.readFileSync(lockFile, "utf8");
  assert.equal(locked.match(/"h1:/g)?.length, 1);
  const lockBlock = await box.sh(doc.claim("sh", "terraform providers lock").text, { cwd: work });
  assert.match(lockBlock.stdout, /All checksums for this platform were already tracked in the lock file/);
  assert.equal(fs.readFileSync(lockFile, "utf8"), locked, "the lock file is unchanged, as the doc says");
  fs.rmSync(path.join(work, ".terraform"), { recursive: true });
  const again = await box.sh("terraform init -no-color", { cwd: work });
  assert.doesNotMatch(again.stdout + again.stderr, /Incomplete lock file information/, "a clean checkout's init does not warn");

  // "To upgrade a configuration".
  const upgrade = await box.sh(doc.claim("sh", "terraform init -upgrade").text, { cwd: work });
  assert.match(upgrade.stdout, /Already installed \(same build\)/);

  // "Release artifacts and mirrors".
  await box.sh(doc.claim("sh", "litellm-tf package --out release").text);
  const release = fs.readdirSync(path.join(box.dir, "release"));
  for (const platform of ["darwin_amd64", "darwin_arm64", "linux_amd64", "linux_arm64"]) {
    assert.ok(release.includes(`terraform-provider-litellm_${version}_${platform}.zip`), platform);
  }
  assert.ok(release.includes(`terraform-provider-litellm_${version}_SHA256SUMS`));

  // "When Terraform needs a CLI configuration": install --dir prints the doc's block with its path filled in,
  // and a CLI configuration holding that block installs the provider.
  const mirror = path.join(box.dir, "srv", "terraform-mirror");
  const block = doc.claim("hcl", "filesystem_mirror").text.replaceAll("/srv/terraform-mirror", mirror);
  const byDir = await box.sh(`litellm-tf install --dir ${JSON.stringify(mirror)}`);
  assert.ok(byDir.stdout.includes(block.trimEnd()), `install --dir prints the documented block:\n${byDir.stdout}`);
  const cliConfig = path.join(box.dir, "mirror.tfrc");
  fs.writeFileSync(cliConfig, block);
  const other = path.join(box.dir, "other");
  fs.mkdirSync(other);
  fs.writeFileSync(path.join(other, "main.tf"), config);
  fs.rmSync(path.join(box.home, ".terraform.d"), { recursive: true });
  await box.sh("terraform init -no-color", { cwd: other, env: { TF_CLI_CONFIG_FILE: cliConfig } });
  assert.ok(fs.existsSync(path.join(other, ".terraform.lock.hcl")));

  // "Contributors: dev_overrides", in the checkout. `npm run build` already ran before the tests.
  const contributors = doc.claim("sh", "provider-dir --cli-config");
  const lines = commandLines(contributors).filter((l) => l.trim() !== "npm run build");
  const printed = await box.sh(lines.join("\n"), { cwd: root });
  assert.ok(printed.stdout.startsWith(`${path.join(root, "dist", "provider")}\n`), printed.stdout);
  assert.match(printed.stdout, /dev_overrides \{\n\s+"registry\.terraform\.io\/litellm-tf\/litellm" = /);

  doc.assertAllClaimed();
});
