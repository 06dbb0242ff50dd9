// Answers a proxy compressed although we asked for no compression: axios's own adapter decoded them, so this
// transport does too, but never into more than the response limit (a 255 KB gzip body can inflate to gigabytes).

/** The decoded body; throws RangeError ERR_BUFFER_TOO_LARGE past `maxBytes`, or zlib's error when broken. */
export function decodeContent(body: Buffer, encoding: string | undefined, maxBytes: number): Buffer {
  const coding = encoding?.trim().toLowerCase();
  if (!coding || coding === "identity" || body.length === 0) return body;
  // zlib loads only for such answers. maxOutputLength stops inflating at the limit, before the memory is spent.
  const zlib = require("node:zlib") as typeof import("node:zlib");
  const bounded = { maxOutputLength: maxBytes };
  if (coding === "gzip" || coding === "x-gzip") return zlib.gunzipSync(body, bounded);
  if (coding === "deflate") return body[0]! % 16 === 8 ? zlib.inflateSync(body, bounded) : zlib.inflateRawSync(body, bounded);
  if (coding === "br") return zlib.brotliDecompressSync(body, bounded);
  throw new Error("unsupported content coding");
}

/** "16 MiB", "3.5 GiB", "200 bytes". */
export function formatBytes(n: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${i === 0 ? n : Number(n.toFixed(1))} ${units[i]}`;
}
