// Reading LiteLLM's answers: the JSON shapes checked, loose numbers and strings taken as they come.
import { LiteLLMError } from "./errors";

export function expectObject(body: unknown, method: string, path: string): Record<string, unknown> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw malformed(method, path, "the answer is not a JSON object");
  return body as Record<string, unknown>;
}

export function malformed(method: string, path: string, what: string): LiteLLMError {
  return new LiteLLMError(method, path, 200, `unexpected answer: ${what}. Is api_base a LiteLLM proxy?`, false);
}

/** A number, also from a numeric string (LiteLLM's Python side sometimes sends Decimals as strings). */
export function num(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}

export function str(v: unknown): string | null {
  return typeof v === "string" ? v : null;
}
