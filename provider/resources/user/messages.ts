// The words of litellm_user's diagnostics.
import type { Diagnostics } from "../../framework/diagnostics";
import { isLiteLLMError, type LiteLLMError } from "../../litellm/errors";

export function apiError(diagnostics: Diagnostics, summary: string, doing: string, e: unknown, after = ""): void {
  const err = e as LiteLLMError;
  const message = isLiteLLMError(e) ? err.message : e instanceof Error ? e.message : String(e);
  diagnostics.addError(summary, `Error while ${doing}: ${message}${after && !/[.!?]$/.test(message) ? "." : ""}${after}`);
}
