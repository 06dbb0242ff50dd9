// The built CLI's distribution commands: output, exit codes and warnings.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { repoRoot } from "../support/terraform";
import { cliJs, sandbox } from "./support";

test("provider-dir prints the package's dist/provider, which holds exactly one executable", async (t) => {
  const sb = sandbox(t);
  const dir = (await sb.cli(["provider-dir"], { cli: cliJs })).stdout.trimEnd();
  assert.equal(dir, path.join(repoRoot, "dist", "provider"));
  assert.ok(path.isAbsolute(dir));
  const files = fs.readdirSync(dir);
  assert.deepEqual(files, ["terraform-provider-litellm"]);
  assert.equal(fs.statSync(path.join(dir, files[0]!)).mode & 0o111, 0o111);

  const block = (await sb.cli(["provider-dir", "--cli-config"], { cli: cliJs })).stdout;
  assert.ok(block.includes(`"registry.terraform.io/litellm-tf/litellm" = ${JSON.stringify(dir)}`));
});

test("help lists the distribution commands", async (t) => {
  const help = (await sandbox(t).cli(["help"])).stdout;
  for (const name of ["install", "package", "provider-dir"]) assert.match(help, new RegExp(`^  ${name} `, "m"));
});

test("usage mistakes exit 2; Windows is refused with advice", async (t) => {
  const sb = sandbox(t);
  const win = await sb.cli(["install", "--dir", path.join(sb.dir, "m"), "--platform", "windows_amd64"], { expectedCode: 2 });
  assert.match(win.stderr, /needs a \.exe.*WSL/s);
  assert.ok(!fs.existsSync(path.join(sb.dir, "m")), "nothing written");
  assert.match((await sb.cli(["install", "--dri", "x"], { expectedCode: 2 })).stderr, /Unknown option '--dri'.*Usage: litellm-tf install/s);
  assert.match((await sb.cli(["package", "--out"], { expectedCode: 2 })).stderr, /'--out <value>' argument missing.*Usage: litellm-tf package/s);
});

test("install warns when the CLI config would hide the implied mirror or override it", async (t) => {
  const sb = sandbox(t);
  fs.writeFileSync(sb.cliConfig, `provider_installation {
  dev_overrides {
    "litellm-tf/litellm" = "/somewhere/dist/provider"
  }
  direct {}
}
`);
  const r = await sb.cli(["install"]);
  const warnings = r.stderr.trimEnd().split("\n");
  assert.equal(warnings.length, 2, `one warning per line:\n${r.stderr}`);
  assert.match(warnings[0]!, /^Warning: .*dev_overrides for litellm-tf\/litellm.*Remove it to use the install\.$/);
  assert.match(warnings[1]!, /^Warning: .*provider_installation block, so Terraform does not search its implied mirrors; add the filesystem_mirror block printed above to it\.$/);
  // The block the warning promises is on stdout, for the implied mirror the provider went into.
  const mirror = path.join(sb.home, ".terraform.d", "plugins");
  assert.doesNotMatch(r.stdout, /without any CLI configuration/);
  assert.ok(r.stdout.includes(`filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}`), r.stdout);
  assert.ok(r.stdout.includes(sb.cliConfig), "names the file with the provider_installation block");
  assert.ok(fs.existsSync(path.join(mirror, "registry.terraform.io", "litellm-tf", "litellm")));
});
