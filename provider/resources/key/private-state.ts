// What a litellm_key keeps in Terraform's private state, one JSON object: whether its duration was read from the
// key's lifetime at import (duration.ts), and the budget row it owns (budget-row.ts).
export interface KeyPrivate {
  /** "read": the duration was read from the key's lifetime at import (duration.ts). */
  duration?: string;
  /** The budget_id of the row this key owns. */
  own_budget?: string;
}

export function readKeyPrivate(bytes: Uint8Array): KeyPrivate {
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return parsed && typeof parsed === "object" ? (parsed as KeyPrivate) : {};
  } catch {
    return {};
  }
}

export function writeKeyPrivate(p: KeyPrivate): Uint8Array {
  const kept = Object.fromEntries(Object.entries(p).filter(([, v]) => typeof v === "string"));
  return Object.keys(kept).length === 0 ? new Uint8Array() : new TextEncoder().encode(JSON.stringify(kept));
}
