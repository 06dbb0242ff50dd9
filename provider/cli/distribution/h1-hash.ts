// Terraform's "h1:" package hash (golang.org/x/mod dirhash Hash1): a SHA-256 over the sorted lines
// "<sha256 hex of file>  <slash path>\n", base64-encoded. File names and contents count; modes and
// timestamps do not, so the same bytes under the same name always give the same lock-file entry.
// An unpacked directory and a zip with the same entries hash the same.
import { createHash } from "node:crypto";

export interface HashedFile {
  /** Path relative to the package root, with forward slashes. */
  name: string;
  data: Buffer;
}

export function packageHashH1(files: HashedFile[]): string {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const summary = createHash("sha256");
  for (const file of sorted) {
    if (file.name.includes("\n")) throw new Error("h1 hashes cannot cover file names with newlines");
    summary.update(`${createHash("sha256").update(file.data).digest("hex")}  ${file.name}\n`);
  }
  return `h1:${summary.digest("base64")}`;
}

/** The "zh:" hash Terraform records for a release zip: the SHA-256 of the archive file itself. */
export function zipHashZh(zip: Buffer): string {
  return `zh:${sha256Hex(zip)}`;
}

export function sha256Hex(data: Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}
