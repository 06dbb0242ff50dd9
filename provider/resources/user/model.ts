// litellm_user values: reading attributes from Terraform objects, what LiteLLM receives for them, and the
// state built from what LiteLLM returns, keeping the user's spelling wherever it means the same.
import { isUnknown, numberText, valuesEqual, type TfNumber, type TfObject, type TfValue } from "../../values/value";
import type { KeySettings, LiteLLMUser, UserFields } from "../../litellm/types";
import { jsonObjectOf, jsonObjectsEquivalent, jsonObjectState, keepJsonObjectSpelling } from "../json-object-argument";
import { budgetDurationsEquivalent, emailsEquivalent, nativeBudgetDuration, nativeRole } from "./semantics";
import { mergeMetadata, splitMetadata, type JsonObject } from "../server-rules/owned-metadata";
import { managedMetadata, metadataArguments, metadataArgumentsChanged, metadataArgumentsEquivalent, metadataArgumentsFromServer } from "../server-rules/metadata-arguments";
import { budgetStateFromServer, budgetsEquivalent, nativeBudget } from "../server-rules/zero-budget";

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

/** The attributes LiteLLM stores on the user row, which /user/update can change in place. */
export const userRowAttributes = [
  "user_email",
  "user_alias",
  "user_role",
  "max_budget",
  "budget_duration",
  "tpm_limit",
  "rpm_limit",
  "max_parallel_requests",
  "models",
  "metadata",
  "model_max_budget",
] as const;
export type UserRowAttribute = (typeof userRowAttributes)[number];
/** Everything state takes from the user row: its columns and the owned metadata keys with arguments. */
export const stateAttributes = [...userRowAttributes, ...metadataArguments] as const;
export type StateAttribute = (typeof stateAttributes)[number];

/** Arguments a proxy's default_internal_user_params, max_internal_user_budget or internal_user_budget_duration may fill. */
export const serverFilledUserAttributes = ["max_budget", "budget_duration", "tpm_limit", "rpm_limit", "models", "metadata", ...metadataArguments] as const;

/** Attributes LiteLLM cannot clear once set: /user/update ignores null, [] and {}. */
export const unclearableAttributes = ["budget_duration", "tpm_limit", "rpm_limit", "max_parallel_requests", "models", "metadata", "model_max_budget"] as const;

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

/** Arguments that hold a JSON object, as a map or as JSON text (json-object-argument.ts). */
export const jsonObjectAttributes = ["metadata", "model_max_budget"] as const;

const roleOrDefault = (v: TfValue): string | undefined => (v === null ? "internal_user" : typeof v === "string" ? nativeRole(v) : undefined);
const asNumber = (v: TfValue): number | null => (v === null || isUnknown(v) ? null : typeof v === "number" ? v : Number(numberText(v as TfNumber)));
const emptyToNull = (v: TfValue): TfValue => (v === "" ? null : v);

/** When two values of an attribute mean the same to LiteLLM. */
export const equivalent: Record<string, (a: TfValue, b: TfValue) => boolean> = {
  user_email: (a, b) => (typeof a === "string" && typeof b === "string" ? emailsEquivalent(a, b) : a === b),
  user_alias: (a, b) => emptyToNull(a) === emptyToNull(b),
  // LiteLLM treats a user without a role as an internal_user.
  user_role: (a, b) => roleOrDefault(a) === roleOrDefault(b),
  max_budget: budgetsEquivalent,
  budget_duration: (a, b) => (typeof a === "string" && typeof b === "string" ? budgetDurationsEquivalent(a, b) : emptyToNull(a) === emptyToNull(b)),
  tpm_limit: (a, b) => asNumber(a) === asNumber(b),
  rpm_limit: (a, b) => asNumber(a) === asNumber(b),
  max_parallel_requests: (a, b) => asNumber(a) === asNumber(b),
  models: (a, b) => valuesEqual(Array.isArray(a) ? a : [], Array.isArray(b) ? b : []),
  metadata: jsonObjectsEquivalent,
  model_max_budget: jsonObjectsEquivalent,
  // The same teams in any order.
  teams: (a, b) => valuesEqual([...(Array.isArray(a) ? a : [])].sort(), [...(Array.isArray(b) ? b : [])].sort()),
  ...Object.fromEntries(metadataArguments.map((a) => [a, metadataArgumentsEquivalent])),
};

export function isEquivalent(attribute: string, a: TfValue, b: TfValue): boolean {
  if (isUnknown(a) || isUnknown(b)) return false;
  const eq = equivalent[attribute];
  return eq ? eq(a, b) : valuesEqual(a, b);
}

/** The value LiteLLM receives for one row attribute, or undefined when nothing is sent. */
export function nativeValue(attribute: UserRowAttribute, o: TfObject): unknown {
  switch (attribute) {
    case "user_email":
      return str(o, "user_email") ?? undefined;
    case "user_alias":
      return str(o, "user_alias") ?? undefined;
    case "user_role": {
      const r = str(o, "user_role");
      return r === null ? undefined : nativeRole(r);
    }
    case "max_budget":
      return nativeBudget(o.max_budget) ?? undefined;
    case "budget_duration": {
      const d = str(o, "budget_duration");
      return d === null ? undefined : nativeBudgetDuration(d);
    }
    case "tpm_limit":
    case "rpm_limit":
    case "max_parallel_requests":
      return num(o, attribute) ?? undefined;
    case "models":
      return strList(o, "models") ?? undefined;
    case "metadata":
    case "model_max_budget":
      return jsonObjectOf(o[attribute]);
  }
}

/** The metadata to send: the configuration's own keys, LiteLLM's owned keys as held, the owned-key arguments. */
function metadataToSend(planned: TfObject, config: TfObject, serverOwned: JsonObject): JsonObject {
  return mergeMetadata((nativeValue("metadata", planned) as JsonObject | undefined) ?? {}, serverOwned, managedMetadata(config, planned));
}

/** The /user/new fields for a planned user; `config` tells which owned-key arguments the configuration sets. */
export function fieldsForCreate(planned: TfObject, config: TfObject = planned): UserFields {
  const fields: Record<string, unknown> = {};
  for (const a of userRowAttributes) {
    const v = a === "metadata" ? metadataToSend(planned, config, {}) : nativeValue(a, planned);
    if (v !== undefined && !(a === "metadata" && Object.keys(v as object).length === 0)) fields[a] = v;
  }
  return fields as UserFields;
}

/**
 * The /user/update fields for what changed between prior and planned. A removed alias is sent as "" and an
 * unlimited budget as null, the two clears LiteLLM honours.
 */
export function fieldsForUpdate(prior: TfObject, planned: TfObject, config: TfObject = planned, serverOwned: JsonObject = {}): UserFields {
  const fields: Record<string, unknown> = {};
  for (const a of userRowAttributes) {
    if (a === "metadata") {
      // Any change to metadata or an owned-key argument sends the whole object, LiteLLM's own keys included.
      if (!valuesEqual(prior.metadata, planned.metadata) || metadataArgumentsChanged(prior, planned)) fields.metadata = metadataToSend(planned, config, serverOwned);
      continue;
    }
    if (valuesEqual(prior[a], planned[a])) continue;
    const v = nativeValue(a, planned);
    if (v !== undefined) fields[a] = v;
    else if (a === "user_alias") fields[a] = "";
    else if (a === "max_budget") fields[a] = null;
  }
  return fields as UserFields;
}

/**
 * A LiteLLM user row in state form: no budget is 0 and a $0 cap null, empty lists, objects and strings are null,
 * metadata holds only the user's own keys, and LiteLLM's owned keys fill their arguments. JSON objects are JSON
 * text, in a dynamic value for the resource (`dynamic`) or a plain string for the data source.
 */
export function serverValues(user: LiteLLMUser, dynamic = true): Record<StateAttribute, TfValue> {
  const split = splitMetadata(user.metadata);
  return {
    ...metadataArgumentsFromServer(split.owned),
    user_email: user.user_email,
    user_alias: user.user_alias || null,
    user_role: user.user_role,
    max_budget: budgetStateFromServer(user.max_budget),
    budget_duration: user.budget_duration || null,
    tpm_limit: user.tpm_limit,
    rpm_limit: user.rpm_limit,
    max_parallel_requests: user.max_parallel_requests,
    models: user.models.length ? [...user.models] : null,
    metadata: jsonObjectState(split.user, null, dynamic),
    model_max_budget: jsonObjectState(user.model_max_budget, null, dynamic),
  };
}

/** The user's teams in state form: `mine`'s order when it lists the same teams, else LiteLLM's; none is null. */
export function teamsState(server: string[], mine: TfValue | undefined): TfValue {
  if (mine !== undefined && mine !== null && !isUnknown(mine) && equivalent.teams!(mine, server)) return mine;
  return server.length ? [...server] : mine !== undefined && Array.isArray(mine) && mine.length === 0 ? [] : null;
}

/**
 * The state for a user as LiteLLM has it. Where `base` (the plan or the prior state) holds a value that
 * means the same as the server's, the base's spelling is kept.
 */
export function rowStateFromServer(state: TfObject, user: LiteLLMUser, base: TfObject | null, dynamic = true, teams: string[] = user.teams): void {
  const server = serverValues(user, dynamic);
  for (const a of stateAttributes) {
    const mine = base ? base[a] : null;
    state[a] = base && !isUnknown(mine) && isEquivalent(a, mine, server[a]) ? mine : server[a];
  }
  // JSON objects come back in the form the configuration wrote them (a map, or JSON text).
  const metadata = { metadata: splitMetadata(user.metadata).user, model_max_budget: user.model_max_budget };
  if (dynamic) for (const a of jsonObjectAttributes) state[a] = keepJsonObjectSpelling(base ? base[a] : null, metadata[a]);
  state.teams = teamsState(teams, base ? base.teams : null);
  state.id = user.user_id;
  state.user_id = user.user_id;
  state.spend = user.spend;
  state.created_at = user.created_at;
  state.updated_at = user.updated_at;
}
