// The provider executable is one file: a small launcher, then the provider's code inside a trailing
// comment. Inside a comment V8 only scans the code (much cheaper than parsing it); the launcher then
// compiles it with a V8 code cache. The code comes in segments: the provider itself, and the big
// libraries it loads only for some calls (ajv, axios), so that a process compiles and deserializes only
// what it uses. The build uses encodePayload, the launcher decodeSegment.

/** Starts the comment that holds the segments; preceded by a newline in the file. */
export const PAYLOAD_MARKER = "/*LITELLM-TF-BUNDLE\n";
export const PAYLOAD_END = "*/\n";
/** Never produced by esbuild (it escapes control characters), so it can mark the escapes. */
const ESCAPE = "\x01";
/** Every segment is a function expression, as the build wraps it; anything else means the file is damaged. */
export const SEGMENT_START = "(function (exports, require, module, __filename, __dirname) {";

export interface Segment {
  name: string;
  source: string;
}

/** Where each segment lies, relative to the start of the payload comment: [start, end). */
export type SegmentIndex = Record<string, [number, number]>;

/** The comment text for the segments: every "*" + "/" gets an ESCAPE between, so the comment cannot end early. */
export function encodePayload(segments: readonly Segment[]): { text: string; index: SegmentIndex } {
  let text = PAYLOAD_MARKER;
  const index: SegmentIndex = {};
  for (const { name, source } of segments) {
    if (source.includes(ESCAPE)) throw new Error(`segment ${name} contains a \\x01 character; it cannot be embedded`);
    if (!source.startsWith(SEGMENT_START)) throw new Error(`segment ${name} must start with ${SEGMENT_START}`);
    const start = text.length;
    text += source.split("*/").join(`*${ESCAPE}/`);
    index[name] = [start, text.length];
    text += "\n";
  }
  return { text: text + PAYLOAD_END, index };
}

/** One segment's code back from its text in the payload (the slice the index names). */
export function decodeSegment(text: string): string {
  if (!text.startsWith(SEGMENT_START)) throw new Error("the provider executable is damaged (its embedded code is missing); reinstall it");
  return text.includes(ESCAPE) ? text.split(ESCAPE).join("") : text;
}
