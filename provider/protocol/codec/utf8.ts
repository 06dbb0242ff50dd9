// UTF-8 for the codecs' many short strings (attribute names, emails, ids). Most are ASCII: copying the
// bytes by hand is several times cheaper than a TextDecoder/TextEncoder call with its argument checks.

const decoder = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();
/** Above this length the native codecs win even for ASCII. */
const SHORT = 64;

/** Decodes bytes[start, end) as strict UTF-8 (throws TypeError on invalid input). */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= SHORT) {
    let out = "";
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) return decoder.decode(bytes.subarray(start, end));
      out += String.fromCharCode(b);
    }
    return out;
  }
  return decoder.decode(bytes.subarray(start, end));
}

/** The UTF-8 length of s (lone surrogates count as U+FFFD, as TextEncoder writes them). */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    return Buffer.byteLength(s, "utf8");
  }
  return n;
}

/** Writes s at `at` (room for utf8Length(s) bytes must exist); returns the bytes written. */
export function writeUtf8(s: string, into: Uint8Array, at: number): number {
  if (s.length <= SHORT) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) return encoder.encodeInto(s, into.subarray(at)).written;
      into[at + i] = c;
    }
    return s.length;
  }
  return encoder.encodeInto(s, into.subarray(at)).written;
}
