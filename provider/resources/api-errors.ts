// How the declarative resources turn a failed LiteLLM call into a message (the client's errors already say
// what to do; the secret-bearing parts are scrubbed by the client).
import { Refusal, type ApiErrorInfo } from "../framework/declarative";
import { isLiteLLMError } from "../litellm/errors";

export function describeLiteLLMError(e: unknown): ApiErrorInfo {
  if (isLiteLLMError(e)) return { message: e.message, mayHaveActed: e.mayHaveActed };
  return { message: e instanceof Error ? e.message : String(e), mayHaveActed: false };
}

/**
 * LiteLLM's 403 for something only its enterprise licence allows, on `attribute`: what was refused and why, and
 * the two ways out (the licence, or `instead`).
 */
export function licenceRefusal(attribute: string, refused: string, why: string, instead: string, serverMessage: string): Refusal {
  return new Refusal(
    "Enterprise Licence Needed",
    `LiteLLM refused ${refused} (403): ${why} (LITELLM_LICENSE on the proxy). Set the licence, or ${instead}. LiteLLM said: ${serverMessage}`,
    attribute,
  );
}

/** Turns {"litellm_params.api_base": x} into {litellm_params: {api_base: x}}. */
export function nested(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    const parts = k.split(".");
    let at = out;
    for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
    at[parts[parts.length - 1]!] = v;
  }
  return out;
}
