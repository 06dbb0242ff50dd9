// litellm_user values: reading attributes from Terraform objects, and the /user/* bodies and the state derived
// from the declaration (declaration.ts). Metadata is the quirk: LiteLLM keeps its own keys in it, so every send
// carries them over, and guardrails, tags and the per-model limits travel inside it.
import { isUnknown, numberText, valuesEqual, type TfNumber, type TfObject, type TfValue } from "../../values/value";
import { changedArguments, createBody, stateFromRemote, updateBody } from "../../framework/declarative";
import type { KeySettings, LiteLLMUser, UserFields } from "../../litellm/types";
import { jsonObjectOf } from "../json-object-argument";
import { mergeMetadata, type JsonObject } from "../server-rules/owned-metadata";
import { managedMetadata, metadataArgumentsChanged } from "../server-rules/metadata-arguments";
import { userAttributes } from "./declaration";

export function str(o: TfObject, k: string): string | null {
  const v = o[k];
  return typeof v === "string" ? v : null;
}
export function num(o: TfObject, k: string): number | null {
  const v = o[k];
  if (v === null || v === undefined || isUnknown(v) || typeof v === "string" || typeof v === "boolean" || Array.isArray(v)) return null;
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  return Number(numberText(v as unknown as TfNumber));
}
export function bool(o: TfObject, k: string): boolean | null {
  const v = o[k];
  return typeof v === "boolean" ? v : null;
}
export function strList(o: TfObject, k: string): string[] | null {
  const v = o[k];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : null;
}
export function known(o: TfObject, k: string): boolean {
  return !isUnknown(o[k]);
}

/** Settings of the user's key: LiteLLM has no user columns for them and gives them to the key it creates. */
export const keySettingAttributes = ["aliases", "config", "permissions", "blocked"] as const;

/** The key settings to send with a new key: only what is set. */
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

/** The metadata to send: the configuration's own keys, LiteLLM's owned keys as held, the owned-key arguments. */
function metadataToSend(planned: TfObject, config: TfObject, serverOwned: JsonObject): JsonObject {
  return mergeMetadata(jsonObjectOf(planned.metadata) ?? {}, serverOwned, managedMetadata(config, planned));
}

/** The /user/new fields for a planned user; `config` tells which owned-key arguments the configuration sets. */
export function fieldsForCreate(planned: TfObject, config: TfObject = planned): UserFields {
  const fields = createBody(userAttributes, planned);
  // Unlimited (0) is no budget: nothing to send.
  for (const [k, v] of Object.entries(fields)) if (v === null) delete fields[k];
  const metadata = metadataToSend(planned, config, {});
  if (Object.keys(metadata).length > 0) fields.metadata = metadata;
  return fields as UserFields;
}

/**
 * The /user/update fields for what changed between prior and planned. /user/update ignores null, so only the
 * clears LiteLLM honours are sent: "" for the alias, null for the budget (unlimited).
 */
export function fieldsForUpdate(prior: TfObject, planned: TfObject, config: TfObject = planned, serverOwned: JsonObject = {}): UserFields {
  const changed = changedArguments(userAttributes, prior, planned);
  const fields = updateBody(userAttributes, changed, planned, null);
  for (const a of changed) if (fields[a] === null && planned[a] === null && !userAttributes[a]!.codec.clear) delete fields[a];
  // Any change to metadata or an owned-key argument sends the whole object, LiteLLM's own keys included.
  if (!valuesEqual(prior.metadata, planned.metadata) || metadataArgumentsChanged(prior, planned)) fields.metadata = metadataToSend(planned, config, serverOwned);
  return fields as UserFields;
}

/**
 * The state for a user as LiteLLM has it. Where `base` (the plan or the prior state) holds a value that means
 * the same as the server's, the base's spelling is kept; `teams` are the ones state shows.
 */
export function rowStateFromServer(state: TfObject, user: LiteLLMUser, base: TfObject | null, teams: string[] = user.teams): void {
  stateFromRemote({ attributes: userAttributes }, state, user as unknown as Record<string, unknown>, base);
  state.teams = teamsState(teams, base ? base.teams : null);
}

/** The same teams in any order. */
export function teamsEquivalent(a: TfValue, b: TfValue): boolean {
  return !isUnknown(a) && !isUnknown(b) && valuesEqual([...(Array.isArray(a) ? a : [])].sort(), [...(Array.isArray(b) ? b : [])].sort());
}

/** The user's teams in state form: `mine`'s order when it lists the same teams, else LiteLLM's; none is null. */
export function teamsState(server: string[], mine: TfValue | undefined): TfValue {
  if (mine !== undefined && mine !== null && !isUnknown(mine) && teamsEquivalent(mine, server)) return mine;
  return server.length ? [...server] : mine !== undefined && Array.isArray(mine) && mine.length === 0 ? [] : null;
}
