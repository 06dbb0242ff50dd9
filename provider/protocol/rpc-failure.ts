// What a client sees when a handler throws: an error diagnostic in the normal response,
// never a bare gRPC INTERNAL. Secrets are scrubbed from the text.

import { redact } from "../log";
import { isCodecError, pathText } from "./codec/codec-error";
import { DiagnosticSeverity, type Diagnostic } from "./gen/tfplugin6";

export function errorMessage(e: unknown): string {
  return redact(e instanceof Error ? e.message : String(e));
}

export function unexpectedErrorDiagnostic(method: string, e: unknown): Diagnostic {
  const diagnostic: Diagnostic = {
    severity: DiagnosticSeverity.ERROR,
    summary: "Unexpected Provider Error",
    detail:
      `The provider failed while handling ${method}: ${errorMessage(e)}\n\n` +
      "This is a bug in the litellm provider. Please report it together with the provider log (TF_LOG_PROVIDER=DEBUG).",
  };
  if (isCodecError(e) && e.path.length > 0) {
    diagnostic.summary = "Invalid Value";
    diagnostic.detail = `The provider could not encode or decode the value at ${pathText(e.path)} while handling ${method}: ${redact(e.reason)}\n\nThis is a bug in the litellm provider.`;
    diagnostic.attribute = { steps: e.path };
  }
  return diagnostic;
}
