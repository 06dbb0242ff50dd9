// litellm_team values: what LiteLLM receives for the attributes, and the state built from what it returns,
// keeping the configuration's spelling wherever it means the same (weekly and 7d, key order in metadata, a map
// or JSON text for metadata and router_settings).
import { isUnknown, numberText, valuesEqual, type TfNumber, type TfObject, type TfValue } from "../../values/value";
import type { LiteLLMTeam, TeamFields } from "../../litellm/teams";
import { jsonObjectOf, jsonObjectsEquivalent, jsonObjectState, keepJsonObjectSpelling } from "../json-object-argument";
import { bool, num, str, strList } from "../user/model";
import { budgetDurationsEquivalent, nativeBudgetDuration } from "../user/semantics";
import { mergeMetadata, splitMetadata, type JsonObject } from "../server-rules/owned-metadata";
import {
  managedMetadata,
  metadataArguments,
  metadataArgumentsChanged,
  metadataArgumentsEquivalent,
  metadataArgumentsFromServer,
} from "../server-rules/metadata-arguments";
import { budgetStateFromServer, budgetsEquivalent, nativeBudget } from "../server-rules/zero-budget";

/** The team columns (and settings LiteLLM keeps elsewhere) this resource manages; /team/update can set and clear each. */
export const teamRowAttributes = [
  "team_alias",
  "organization_id",
  "models",
  "max_budget",
  "soft_budget",
  "budget_duration",
  "tpm_limit",
  "rpm_limit",
  "metadata",
  "blocked",
  "team_member_permissions",
  "team_member_budget",
  "team_member_budget_duration",
  "team_member_rpm_limit",
  "team_member_tpm_limit",
  "model_aliases",
  "router_settings",
] as const;
export type TeamRowAttribute = (typeof teamRowAttributes)[number];

/**
 * Arguments LiteLLM keeps as owned keys inside metadata (team_endpoints.py reads the limit types from the object
 * or its metadata; team_member_key_duration is a premium metadata field), optional: removing one removes the key.
 */
export const ownedKeyArguments = ["tpm_limit_type", "rpm_limit_type", "prompts", "team_member_key_duration"] as const;

/** Everything state takes from the team: its columns and the owned metadata keys with arguments. */
export const teamStateAttributes = [...teamRowAttributes, ...metadataArguments, ...ownedKeyArguments] as const;
export type TeamStateAttribute = (typeof teamStateAttributes)[number];
/** The team's default budget for members: sent together, as LiteLLM keeps them in one budget row. */
const memberBudgetAttributes = ["team_member_budget", "team_member_budget_duration", "team_member_rpm_limit", "team_member_tpm_limit"] as const;

/**
 * Arguments LiteLLM may fill: /team/new takes max_budget from default_team_settings; the rest from its UI (a
 * team made there may carry a default member budget, which members added later receive).
 */
export const serverFilledTeamAttributes = ["max_budget", ...metadataArguments, ...memberBudgetAttributes] as const;

const asNumber = (v: TfValue): number | null => (v === null || isUnknown(v) ? null : typeof v === "number" ? v : Number(numberText(v as TfNumber)));
const emptyToNull = (v: TfValue): TfValue => (v === "" ? null : v);
const sameList = (a: TfValue, b: TfValue) => valuesEqual(Array.isArray(a) ? a : [], Array.isArray(b) ? b : []);
const sameNumber = (a: TfValue, b: TfValue) => asNumber(a) === asNumber(b);
const sameDuration = (a: TfValue, b: TfValue) => (typeof a === "string" && typeof b === "string" ? budgetDurationsEquivalent(a, b) : a === b);
const sameText = (a: TfValue, b: TfValue) => emptyToNull(a) === emptyToNull(b);
const isEmptyMap = (v: TfValue) => v === null || (typeof v === "object" && !Array.isArray(v) && Object.keys(v as object).length === 0);

/** When two values of an attribute mean the same to LiteLLM. */
const equivalent: Record<TeamStateAttribute, (a: TfValue, b: TfValue) => boolean> = {
  team_alias: sameText,
  organization_id: sameText,
  models: sameList,
  max_budget: budgetsEquivalent,
  soft_budget: sameNumber,
  budget_duration: sameDuration,
  tpm_limit: sameNumber,
  rpm_limit: sameNumber,
  metadata: jsonObjectsEquivalent,
  blocked: (a, b) => (a === true) === (b === true),
  team_member_permissions: sameList,
  team_member_budget: (a, b) => (asNumber(a) ?? 0) === (asNumber(b) ?? 0),
  team_member_budget_duration: sameDuration,
  team_member_rpm_limit: sameNumber,
  team_member_tpm_limit: sameNumber,
  model_aliases: (a, b) => valuesEqual(a ?? {}, b ?? {}) || (isEmptyMap(a) && isEmptyMap(b)),
  router_settings: jsonObjectsEquivalent,
  guardrails: metadataArgumentsEquivalent,
  tags: metadataArgumentsEquivalent,
  model_rpm_limit: metadataArgumentsEquivalent,
  model_tpm_limit: metadataArgumentsEquivalent,
  tpm_limit_type: sameText,
  rpm_limit_type: sameText,
  prompts: sameList,
  team_member_key_duration: sameText,
};

export function isEquivalent(attribute: TeamStateAttribute, a: TfValue, b: TfValue): boolean {
  if (isUnknown(a) || isUnknown(b)) return false;
  return equivalent[attribute](a, b);
}

function stringMapOf(o: TfObject, k: string): Record<string, string> | null {
  const v = o[k];
  if (v === null || isUnknown(v) || typeof v !== "object" || Array.isArray(v)) return null;
  const out: Record<string, string> = {};
  for (const [key, x] of Object.entries(v)) if (typeof x === "string") out[key] = x;
  return out;
}

/** What LiteLLM receives for one attribute: a value, or the value that clears the column. */
function nativeValue(attribute: TeamRowAttribute, o: TfObject): unknown {
  switch (attribute) {
    case "team_alias":
    case "organization_id":
      return str(o, attribute);
    case "models":
    case "team_member_permissions":
      return strList(o, attribute) ?? [];
    case "max_budget":
      return nativeBudget(o.max_budget);
    case "team_member_budget": {
      const b = num(o, attribute);
      return b === null || b === 0 ? null : b;
    }
    case "budget_duration":
    case "team_member_budget_duration": {
      const d = str(o, attribute);
      return d === null ? null : nativeBudgetDuration(d);
    }
    case "soft_budget":
    case "tpm_limit":
    case "rpm_limit":
    case "team_member_rpm_limit":
    case "team_member_tpm_limit":
      return num(o, attribute);
    case "metadata":
      return jsonObjectOf(o.metadata) ?? {};
    case "blocked":
      return bool(o, "blocked") === true;
    case "model_aliases":
      return stringMapOf(o, "model_aliases") ?? {};
    case "router_settings":
      return jsonObjectOf(o.router_settings) ?? {};
  }
}

/** The owned keys this resource's own arguments set (a value) or remove (null). */
function ownedKeyValues(planned: TfObject): Record<string, unknown> {
  const prompts = strList(planned, "prompts");
  return {
    tpm_limit_type: str(planned, "tpm_limit_type"),
    rpm_limit_type: str(planned, "rpm_limit_type"),
    prompts: prompts && prompts.length ? prompts : null,
    team_member_key_duration: str(planned, "team_member_key_duration"),
  };
}

/** The metadata to send: the configuration's own keys, LiteLLM's owned keys as held, the owned-key arguments. */
function metadataToSend(planned: TfObject, config: TfObject, serverOwned: JsonObject): JsonObject {
  return mergeMetadata(nativeValue("metadata", planned) as JsonObject, serverOwned, { ...managedMetadata(config, planned), ...ownedKeyValues(planned) });
}

const ownedKeysChanged = (prior: TfObject, planned: TfObject) => ownedKeyArguments.some((a) => !isEquivalent(a, prior[a] ?? null, planned[a] ?? null));

/** The /team/new fields for a planned team: only what is set. */
export function fieldsForCreate(planned: TfObject, config: TfObject = planned): TeamFields {
  const fields: Record<string, unknown> = {};
  for (const a of teamRowAttributes) {
    const v = a === "metadata" ? metadataToSend(planned, config, {}) : nativeValue(a, planned);
    const empty = v === null || v === false || (Array.isArray(v) && v.length === 0) || (typeof v === "object" && v !== null && Object.keys(v).length === 0);
    if (!empty) fields[a] = v;
  }
  // Also sent as a field, so that LiteLLM checks its licence as for any caller.
  const keyDuration = str(planned, "team_member_key_duration");
  if (keyDuration !== null) fields.team_member_key_duration = keyDuration;
  return fields as TeamFields;
}

/**
 * The /team/update fields for what changed; a removed attribute is sent as its clearing value. The member budget
 * fields go together (LiteLLM keeps them in one row); metadata goes whole, LiteLLM's own keys as the server holds them.
 */
export function fieldsForUpdate(prior: TfObject, planned: TfObject, config: TfObject = planned, serverOwned: JsonObject = {}): TeamFields {
  const fields: Record<string, unknown> = {};
  const changed = (a: TeamRowAttribute) => !valuesEqual(prior[a], planned[a]);
  for (const a of teamRowAttributes) {
    if (a === "metadata") {
      // /team/update replaces the whole object, so LiteLLM's own keys are sent back as the server holds them.
      if (changed("metadata") || metadataArgumentsChanged(prior, planned) || ownedKeysChanged(prior, planned)) {
        fields.metadata = metadataToSend(planned, config, serverOwned);
      }
    } else if (changed(a)) fields[a] = nativeValue(a, planned);
  }
  if (memberBudgetAttributes.some(changed)) for (const a of memberBudgetAttributes) fields[a] = nativeValue(a, planned);
  const keyDuration = str(planned, "team_member_key_duration");
  if (keyDuration !== null && !valuesEqual(prior.team_member_key_duration, planned.team_member_key_duration)) fields.team_member_key_duration = keyDuration;
  return fields as TeamFields;
}

/** A LiteLLM team in state form: no budget is 0 and a $0 cap null, an empty list or object is null. */
export function serverValues(team: LiteLLMTeam): Record<TeamStateAttribute, TfValue> {
  const split = splitMetadata(team.metadata);
  const owned = split.owned;
  const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
  const prompts = Array.isArray(owned.prompts) ? owned.prompts.filter((p): p is string => typeof p === "string") : [];
  return {
    ...metadataArgumentsFromServer(owned),
    team_alias: team.team_alias || null,
    organization_id: team.organization_id || null,
    models: team.models.length ? [...team.models] : null,
    max_budget: budgetStateFromServer(team.max_budget),
    soft_budget: team.soft_budget,
    budget_duration: team.budget_duration || null,
    tpm_limit: team.tpm_limit,
    rpm_limit: team.rpm_limit,
    metadata: jsonObjectState(split.user, null),
    blocked: team.blocked,
    team_member_permissions: team.team_member_permissions.length ? [...team.team_member_permissions] : null,
    team_member_budget: team.memberBudget.max_budget,
    team_member_budget_duration: team.memberBudget.budget_duration,
    team_member_rpm_limit: team.memberBudget.rpm_limit,
    team_member_tpm_limit: team.memberBudget.tpm_limit,
    model_aliases: Object.keys(team.model_aliases).length ? { ...team.model_aliases } : null,
    router_settings: jsonObjectState(team.router_settings, null),
    tpm_limit_type: text(owned.tpm_limit_type),
    rpm_limit_type: text(owned.rpm_limit_type),
    prompts: prompts.length ? prompts : null,
    team_member_key_duration: text(owned.team_member_key_duration),
  };
}

/** The state for a team as LiteLLM has it, keeping `base`'s spelling (plan or prior state) where it means the same. */
export function teamStateFromServer(state: TfObject, team: LiteLLMTeam, base: TfObject | null): void {
  const server = serverValues(team);
  for (const a of teamStateAttributes) {
    const mine = base ? base[a] : null;
    state[a] = base && !isUnknown(mine) && mine !== null && isEquivalent(a, mine, server[a]) ? mine : server[a];
  }
  // JSON objects come back in the form the configuration wrote them (a map, or JSON text).
  state.metadata = keepJsonObjectSpelling(base?.metadata ?? null, splitMetadata(team.metadata).user);
  state.router_settings = keepJsonObjectSpelling(base?.router_settings ?? null, team.router_settings);
  if (state.model_aliases !== null && typeof state.model_aliases === "object") state.model_aliases = Object.assign(Object.create(null), state.model_aliases);
  state.id = team.team_id;
  state.team_id = team.team_id;
  state.spend = team.spend;
}
