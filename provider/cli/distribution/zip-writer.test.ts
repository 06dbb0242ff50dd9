import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { crc32 } from "./crc32";
import { createZip } from "./zip-writer";

// Read back with Info-ZIP's unzip, an implementation that is not ours.
function withZip(zip: Buffer, check: (file: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "litellm-tf-zip-"));
  try {
    const file = path.join(dir, "a.zip");
    fs.writeFileSync(file, zip);
    check(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const script = Buffer.from("#!/usr/bin/env node\nconsole.log('hi')\n".repeat(50));

test("crc32 gives the IEEE check value", () => {
  assert.equal(crc32(Buffer.from("123456789")), 0xcbf43926);
  assert.equal(crc32(Buffer.alloc(0)), 0);
});

test("the same entries always give the same bytes", () => {
  const entries = [{ name: "terraform-provider-litellm_v1.0.0", data: script, mode: 0o755 }];
  assert.ok(createZip(entries).equals(createZip(entries)));
  assert.ok(createZip(entries, { store: true }).equals(createZip(entries, { store: true })));
  assert.ok(!createZip(entries).equals(createZip([{ ...entries[0]!, mode: 0o644 }])));
});

for (const store of [false, true]) {
  test(`unzip reads back bytes, mode and timestamp (${store ? "stored" : "deflated"})`, () => {
    const zip = createZip(
      [
        { name: "terraform-provider-litellm_v1.0.0", data: script, mode: 0o755 },
        { name: "LICENSE", data: Buffer.from("text\n"), mode: 0o644 },
      ],
      { store },
    );
    withZip(zip, (file) => {
      execFileSync("unzip", ["-tq", file]); // CRCs and structure; throws on a non-zero exit
      assert.ok(execFileSync("unzip", ["-p", file, "terraform-provider-litellm_v1.0.0"]).equals(script));
      const listing = execFileSync("unzip", ["-Z", "-T", file], { encoding: "utf8" });
      assert.match(listing, /^-rwxr-xr-x .* 19800101\.000000 terraform-provider-litellm_v1\.0\.0$/m);
      assert.match(listing, /^-rw-r--r-- .* 19800101\.000000 LICENSE$/m);
      assert.match(listing, store ? /stor 19800101/ : /def[NX] 19800101/);
    });
  });
}

test("duplicate names are refused", () => {
  const entry = { name: "x", data: Buffer.alloc(1), mode: 0o644 };
  assert.throws(() => createZip([entry, entry]), /duplicate/);
});
