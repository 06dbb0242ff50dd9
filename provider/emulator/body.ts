// How FastAPI turns request bytes into the value it validates: no bytes means "no body";
// JSON is parsed when the content type is absent or JSON; a decode error is a 422 before anything else runs.

import { validationError } from "./errors";
import type { RequestBody } from "./http-types";
import { findPythonJsonError } from "./python-json-error";

export function parseRequestBody(bytes: Buffer, contentType: string | undefined): RequestBody {
  if (bytes.length === 0) return { kind: "absent" };
  const text = bytes.toString("utf8");
  if (!isJsonContentType(contentType)) return { kind: "text", value: text };
  try {
    return { kind: "json", value: JSON.parse(text) };
  } catch {
    const found = findPythonJsonError(text) ?? { pos: 0, msg: "Expecting value" };
    return {
      kind: "invalid",
      response: validationError([{ type: "json_invalid", loc: ["body", found.pos], msg: "JSON decode error", input: {}, ctx: { error: found.msg } }]),
    };
  }
}

function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return true;
  const mime = contentType.split(";")[0]!.trim().toLowerCase();
  const subtype = mime.split("/")[1] ?? "";
  return subtype === "json" || subtype.endsWith("+json");
}
