import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultMirrorDir, hostContext, implicitMirrorDirs, isImplicitMirror } from "./implicit-mirror";

test("Linux: ~/.terraform.d/plugins by default; XDG data directories are implicit too", () => {
  const host = hostContext({ HOME: "/home/ana" }, "linux");
  assert.equal(defaultMirrorDir(host), "/home/ana/.terraform.d/plugins");
  assert.deepEqual(implicitMirrorDirs(host), [
    "/home/ana/.terraform.d/plugins",
    "/home/ana/.local/share/terraform/plugins",
    "/usr/local/share/terraform/plugins",
    "/usr/share/terraform/plugins",
  ]);
  assert.ok(isImplicitMirror("/home/ana/.terraform.d/plugins/", host));
  assert.ok(isImplicitMirror("/home/ana/.terraform.d/../.terraform.d/plugins", host));
  assert.ok(!isImplicitMirror("/home/ana/mirror", host));
  assert.ok(!isImplicitMirror("/home/ana/.terraform.d/Plugins", host), "Linux paths are case-sensitive");

  const xdg = hostContext({ HOME: "/home/ana", XDG_DATA_HOME: "/data", XDG_DATA_DIRS: "/opt/share" }, "linux");
  assert.ok(isImplicitMirror("/data/terraform/plugins", xdg));
  assert.ok(isImplicitMirror("/opt/share/terraform/plugins", xdg));
  assert.ok(!isImplicitMirror("/usr/share/terraform/plugins", xdg));
});

test("macOS adds the Application Support directories", () => {
  const host = hostContext({ HOME: "/Users/ana" }, "darwin");
  assert.equal(defaultMirrorDir(host), "/Users/ana/.terraform.d/plugins");
  assert.ok(isImplicitMirror("/Users/ana/Library/Application Support/io.terraform/plugins", host));
  assert.ok(isImplicitMirror("/Library/Application Support/io.terraform/plugins", host));
});

test("Windows: %APPDATA%\\terraform.d\\plugins, compared without case", () => {
  const host = hostContext({ APPDATA: "C:\\Users\\ana\\AppData\\Roaming", USERPROFILE: "C:\\Users\\ana" }, "win32");
  assert.equal(defaultMirrorDir(host), "C:\\Users\\ana\\AppData\\Roaming\\terraform.d\\plugins");
  assert.ok(isImplicitMirror("c:\\users\\ana\\appdata\\roaming\\terraform.d\\plugins", host));
  assert.ok(isImplicitMirror("C:\\Users\\ana\\AppData\\Roaming\\HashiCorp\\Terraform\\plugins", host));
  assert.throws(() => defaultMirrorDir(hostContext({}, "win32")), /APPDATA/);
});
