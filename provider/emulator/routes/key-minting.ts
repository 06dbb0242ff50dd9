// The one place keys are created, shared by /user/new (auto_create_key) and /key/generate.

import { hashKey, keyNameOf, mintKeyValue } from "../keys";
import { blankKey, type KeyRow } from "../rows";
import type { RouteContext } from "./context";

export interface MintedKey {
  /** The raw "sk-..." value: returned once to the caller, never stored. */
  key: string;
  row: KeyRow;
}

export function mintKey(ctx: RouteContext, fields: Partial<KeyRow>, customKey?: string): MintedKey {
  const key = customKey ?? mintKeyValue();
  const now = ctx.now();
  const row: KeyRow = { ...blankKey(hashKey(key), keyNameOf(key), now, ctx.caller.userId), ...fields };
  ctx.store.putKey(row);
  return { key, row };
}
