// The virtual key a litellm_user owns. LiteLLM shows the raw key only once, so state keeps it, and private
// state keeps its sha256 token, which /user/info lists: that is how a key deleted out of band is noticed.
import { createHash } from "node:crypto";
import type { LiteLLMKeyRow } from "../../litellm/types";
import type { TfObject } from "../../values/value";

export interface UserPrivateState {
  /** sha256 of the key this resource manages (created here, or adopted at import), or null when it manages none. */
  keyToken: string | null;
  /**
   * The teams whose membership this resource made through `teams` (or adopted at import). Undefined for a state
   * written before `teams` existed, or by another provider: then every team in state counts as its own.
   */
  teams?: string[];
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

export function readPrivate(bytes: Uint8Array): UserPrivateState {
  if (!bytes || bytes.length === 0) return { keyToken: null };
  try {
    const v = JSON.parse(decoder.decode(bytes)) as Partial<UserPrivateState>;
    const teams = Array.isArray(v.teams) ? v.teams.filter((t): t is string => typeof t === "string") : undefined;
    return { keyToken: typeof v.keyToken === "string" ? v.keyToken : null, ...(teams ? { teams } : {}) };
  } catch {
    return { keyToken: null };
  }
}

/**
 * The private state for a user whose state came from elsewhere (another provider's, moved with
 * `terraform state replace-provider`): no private state, but the key in state is the user's key, so it is
 * adopted by its token rather than re-issued.
 */
export function privateOf(bytes: Uint8Array, state: TfObject): UserPrivateState {
  const priv = readPrivate(bytes);
  if ((!bytes || bytes.length === 0) && typeof state.key === "string" && state.key !== "") priv.keyToken = keyToken(state.key);
  return priv;
}

export function writePrivate(p: UserPrivateState): Uint8Array {
  return encoder.encode(JSON.stringify(p));
}

export function keyToken(rawKey: string): string {
  return createHash("sha256").update(rawKey).digest("hex");
}

/** Keys that belong to the user rather than to the LiteLLM dashboard's own sessions. */
export function userKeys(keys: LiteLLMKeyRow[]): LiteLLMKeyRow[] {
  return keys.filter((k) => k.team_id !== "litellm-dashboard");
}
