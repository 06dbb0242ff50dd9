// An api function's own diagnostic. Thrown when it knows better than "Cannot Create ..." what went wrong and
// what to do (a user that must exist first, an object that must be imported instead); reported as written.
import { attributePath, type Diagnostics } from "../diagnostics";

export class Refusal extends Error {
  override readonly name = "Refusal";
  constructor(
    readonly summary: string,
    readonly detail: string,
    /** The attribute the diagnostic points at. */
    readonly attribute?: string,
  ) {
    super(detail);
  }
}

export function isRefusal(e: unknown): e is Refusal {
  return e instanceof Error && e.name === "Refusal" && "summary" in e;
}

/** Reports a refusal as written; false for any other error. */
export function reportRefusal(e: unknown, diagnostics: Diagnostics): boolean {
  if (!isRefusal(e)) return false;
  diagnostics.addError(e.summary, e.detail, e.attribute === undefined ? undefined : attributePath(e.attribute));
  return true;
}
