import assert from "node:assert/strict";
import { test } from "node:test";
import { checkProviderVersion, versionNotes } from "./version";

test("accepts semantic versions and notes pre-releases", () => {
  assert.equal(checkProviderVersion("0.1.0"), "0.1.0");
  assert.equal(checkProviderVersion("1.0.0-rc.1"), "1.0.0-rc.1");
  assert.deepEqual(versionNotes("0.1.0"), []);
  assert.match(versionNotes("1.0.0-rc.1")[0]!, /exact constraint, version = "1\.0\.0-rc\.1"/);
});

test("refuses what Terraform cannot use", () => {
  for (const bad of ["1.0", "v1.0.0", "01.0.0", "1.0.0+build.5", ""]) assert.throws(() => checkProviderVersion(bad), /version/, bad);
});
