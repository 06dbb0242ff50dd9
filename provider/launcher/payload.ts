// The provider executable is one file: a small launcher, then the provider bundle inside a trailing
// comment. Inside a comment V8 only scans the bundle (much cheaper than parsing it); the launcher then
// compiles it with a V8 code cache. The build uses encodePayload, the launcher decodePayload.

/** Starts the comment that holds the bundle; preceded by a newline in the file. */
export const PAYLOAD_MARKER = "/*LITELLM-TF-BUNDLE\n";
export const PAYLOAD_END = "*/\n";
/** Never produced by esbuild (it escapes control characters), so it can mark the escapes. */
const ESCAPE = "\x01";

/** The comment text for a bundle: every "*" + "/" gets an ESCAPE between, so the comment cannot end early. */
export function encodePayload(bundle: string): string {
  if (bundle.includes(ESCAPE)) throw new Error("the bundle contains a \\x01 character; it cannot be embedded");
  return PAYLOAD_MARKER + bundle.split("*/").join(`*${ESCAPE}/`) + "\n" + PAYLOAD_END;
}

/** The bundle back from the executable's text, given where the marker starts. */
export function decodePayload(fileText: string, markerAt: number): string {
  if (fileText.slice(markerAt, markerAt + PAYLOAD_MARKER.length) !== PAYLOAD_MARKER || !fileText.endsWith(PAYLOAD_END)) {
    throw new Error("the provider executable is damaged (its embedded bundle is missing); reinstall it");
  }
  const body = fileText.slice(markerAt + PAYLOAD_MARKER.length, fileText.length - PAYLOAD_END.length - 1);
  return body.includes(ESCAPE) ? body.split(ESCAPE).join("") : body;
}
