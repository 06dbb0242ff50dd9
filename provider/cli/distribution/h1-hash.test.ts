import assert from "node:assert/strict";
import { test } from "node:test";
import { packageHashH1, zipHashZh } from "./h1-hash";

// Golden values: the hashes Terraform 1.11.4 wrote with `terraform providers lock -fs-mirror` for
// directories holding exactly these files.
test("matches Terraform's h1 for a directory with two files", () => {
  const files = [
    { name: "terraform-provider-litellm_v9.9.9", data: Buffer.from("hello\n") },
    { name: "README.txt", data: Buffer.from("#!/bin/sh\n") },
  ];
  assert.equal(packageHashH1(files), "h1:Suk9GFrNJEc2WAC8ChC3qkfwr0jBrX5a/T7FcF+t0BY=");
});

test("matches Terraform's h1 for a directory with a subdirectory", () => {
  const files = [
    { name: "terraform-provider-litellm_v9.9.9", data: Buffer.from("p") },
    { name: "sub/b", data: Buffer.from("x") },
  ];
  assert.equal(packageHashH1(files), "h1:G6/AsSCZXb8PmkswlDtIXPlnwnwXwpTP5FS4tDaiRkY=");
});

test("the order files are listed in does not matter; names and bytes do", () => {
  const a = { name: "a", data: Buffer.from("1") };
  const b = { name: "b", data: Buffer.from("2") };
  assert.equal(packageHashH1([a, b]), packageHashH1([b, a]));
  assert.notEqual(packageHashH1([a]), packageHashH1([{ ...a, name: "c" }]));
  assert.notEqual(packageHashH1([a]), packageHashH1([{ ...a, data: Buffer.from("2") }]));
});

test("zh is the archive's sha256 in hex", () => {
  assert.equal(zipHashZh(Buffer.from("abc")), "zh:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
});

test("refuses names with newlines, as Go's dirhash does", () => {
  assert.throws(() => packageHashH1([{ name: "a\nb", data: Buffer.alloc(0) }]), /newlines/);
});
