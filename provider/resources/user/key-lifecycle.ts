// The lifecycle of the key a litellm_user owns: issued, re-issued, deleted, and noticed when gone.
import { isUnknown, type TfObject } from "../../values/value";
import type { Diagnostics } from "../../framework/diagnostics";
import type { HandlerContext } from "../../framework/resource";
import type { LiteLLMClient } from "../../litellm/client";
import type { KeySettings, LiteLLMKeyRow } from "../../litellm/types";
import { registerSecret } from "../../log";
import { bool, str, strList } from "../attribute-values";
import { keyToken, userKeys, type UserPrivateState } from "./key-state";
import { apiError } from "./messages";

type Ctx = HandlerContext<LiteLLMClient>;

/** The settings of the user's key, only what is set: LiteLLM has no user columns for them and gives them to the key. */
export function keySettings(o: TfObject): KeySettings {
  const out: KeySettings = {};
  for (const a of ["aliases", "config", "permissions"] as const) {
    const v = o[a];
    if (v !== null && !isUnknown(v) && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length) {
      out[a] = Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string"));
    }
  }
  if (bool(o, "blocked") === true) out.blocked = true;
  return out;
}

/** What /user/new and /key/generate take for the user's key: its alias, lifetime and settings. */
export function keyRequest(planned: TfObject): KeySettings & { key_alias?: string; duration?: string } {
  const alias = str(planned, "key_alias"), duration = str(planned, "key_duration");
  return { ...(alias !== null ? { key_alias: alias } : {}), ...(duration !== null ? { duration } : {}), ...keySettings(planned) };
}

export async function applyKeyChanges(ctx: Ctx, userId: string, prior: TfObject, planned: TfObject, state: TfObject, priv: UserPrivateState, diagnostics: Diagnostics) {
  const wantsKey = bool(planned, "auto_create_key") === true;
  if (wantsKey && isUnknown(planned.key)) {
    await replaceKey(ctx, userId, prior, planned, state, priv, diagnostics);
  } else if (!wantsKey && priv.keyToken !== null) {
    await deleteKey(ctx, priv.keyToken, diagnostics);
    priv.keyToken = null;
    state.key = null;
  } else if (wantsKey) {
    state.key = prior.key;
  }
}

/**
 * Issues the user's new key and retires the old one. The new key comes first, so that a failure does not leave
 * the user keyless, except when the old key holds the alias the new one needs: LiteLLM wants aliases unique, so
 * that old key goes first. `prior` is null for a create retried after a lost answer: the key the lost attempt
 * made (same alias) is deleted so that it is not orphaned.
 */
export async function replaceKey(
  ctx: Ctx,
  userId: string,
  prior: TfObject | null,
  planned: TfObject,
  state: TfObject,
  priv: UserPrivateState,
  diagnostics: Diagnostics,
): Promise<void> {
  const alias = str(planned, "key_alias");
  try {
    if (prior === null) {
      const info = await ctx.client.userInfo(userId, ctx.signal);
      const stray = userKeys(info?.keys ?? []).filter((k) => k.key_alias === alias);
      if (stray.length) await ctx.client.deleteKeys(stray.map((k) => k.token), ctx.signal);
    } else if (priv.keyToken !== null && alias !== null && str(prior, "key_alias") === alias) {
      await ctx.client.deleteKeys([priv.keyToken], ctx.signal);
      priv.keyToken = null;
      state.key = null;
    }
    const generated = await ctx.client.generateKey({ user_id: userId, models: strList(planned, "models") ?? [], ...keyRequest(planned) }, ctx.signal);
    registerSecret(generated.key);
    const previous = priv.keyToken;
    state.key = generated.key;
    priv.keyToken = keyToken(generated.key);
    if (previous) await deleteKey(ctx, previous, diagnostics);
  } catch (e) {
    if (prior !== null && priv.keyToken !== null) {
      // The old key is still there: state keeps it and its settings, so that the next plan tries again.
      state.key = prior.key;
      state.key_alias = prior.key_alias;
      state.key_duration = prior.key_duration;
    } else {
      // No key now; the next plan creates one.
      state.key = null;
    }
    apiError(diagnostics, "Cannot Create Key", `creating the key of user ${userId}`, e);
  }
}

async function deleteKey(ctx: Ctx, token: string, diagnostics: Diagnostics): Promise<void> {
  try {
    await ctx.client.deleteKeys([token], ctx.signal);
  } catch (e) {
    apiError(diagnostics, "Cannot Delete Old Key", `deleting the user's previous key (token ${token.slice(0, 8)}…); delete it by hand with /key/delete`, e);
  }
}

/** Notices a key deleted out of band: the key goes from state, and the next plan creates a new one. */
export function trackKey(state: TfObject, keys: LiteLLMKeyRow[], priv: UserPrivateState): void {
  // A state from another provider has no blocked; LiteLLM's key without it is not blocked.
  if (state.blocked === null) state.blocked = false;
  if (priv.keyToken === null) return;
  const key = keys.find((k) => k.token === priv.keyToken);
  if (!key) {
    priv.keyToken = null;
    state.key = null;
    return;
  }
  // Blocked or unblocked outside Terraform: drift the next plan undoes by issuing a key with the setting.
  if (key.blocked !== null) state.blocked = key.blocked;
}
