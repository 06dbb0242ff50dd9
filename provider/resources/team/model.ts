// litellm_team values: what LiteLLM receives for the attributes, and the state built from what it returns,
// keeping the configuration's spelling wherever it means the same (weekly and 7d, key order in metadata).
import { isUnknown, numberText, valuesEqual, type TfNumber, type TfObject, type TfValue } from "../../values/value";
import type { LiteLLMTeam, TeamFields } from "../../litellm/teams";
import { bool, num, str, strList } from "../user/model";
import { budgetDurationsEquivalent, canonicalJson, jsonTextsEquivalent, nativeBudgetDuration, parseJsonObject } from "../user/semantics";
import { mergeMetadata, splitMetadata, type JsonObject } from "../server-rules/owned-metadata";
import {
  managedMetadata,
  metadataArguments,
  metadataArgumentsChanged,
  metadataArgumentsEquivalent,
  metadataArgumentsFromServer,
} from "../server-rules/metadata-arguments";
import { budgetStateFromServer, budgetsEquivalent, nativeBudget } from "../server-rules/zero-budget";

/** The team columns this resource manages; /team/update can set and clear each of them. */
export const teamRowAttributes = ["team_alias", "models", "max_budget", "budget_duration", "tpm_limit", "rpm_limit", "metadata", "blocked"] as const;
export type TeamRowAttribute = (typeof teamRowAttributes)[number];
/** Everything state takes from the team row: its columns and the owned metadata keys with arguments. */
export const teamStateAttributes = [...teamRowAttributes, ...metadataArguments] as const;
export type TeamStateAttribute = (typeof teamStateAttributes)[number];
/** Arguments LiteLLM may fill: /team/new takes max_budget from default_team_settings; the rest from its UI. */
export const serverFilledTeamAttributes = ["max_budget", ...metadataArguments] as const;

const asNumber = (v: TfValue): number | null => (v === null || isUnknown(v) ? null : typeof v === "number" ? v : Number(numberText(v as TfNumber)));
const emptyToNull = (v: TfValue): TfValue => (v === "" ? null : v);

/** When two values of an attribute mean the same to LiteLLM. */
const equivalent: Record<TeamStateAttribute, (a: TfValue, b: TfValue) => boolean> = {
  team_alias: (a, b) => emptyToNull(a) === emptyToNull(b),
  models: (a, b) => valuesEqual(Array.isArray(a) ? a : [], Array.isArray(b) ? b : []),
  max_budget: budgetsEquivalent,
  budget_duration: (a, b) => (typeof a === "string" && typeof b === "string" ? budgetDurationsEquivalent(a, b) : a === b),
  tpm_limit: (a, b) => asNumber(a) === asNumber(b),
  rpm_limit: (a, b) => asNumber(a) === asNumber(b),
  metadata: (a, b) => jsonTextsEquivalent(typeof a === "string" ? a : "{}", typeof b === "string" ? b : "{}"),
  blocked: (a, b) => (a === true) === (b === true),
  guardrails: metadataArgumentsEquivalent,
  tags: metadataArgumentsEquivalent,
  model_rpm_limit: metadataArgumentsEquivalent,
  model_tpm_limit: metadataArgumentsEquivalent,
};

export function isEquivalent(attribute: TeamStateAttribute, a: TfValue, b: TfValue): boolean {
  if (isUnknown(a) || isUnknown(b)) return false;
  return equivalent[attribute](a, b);
}

/** What LiteLLM receives for one attribute: a value, or the value that clears the column. */
function nativeValue(attribute: TeamRowAttribute, o: TfObject): unknown {
  switch (attribute) {
    case "team_alias":
      return str(o, "team_alias");
    case "models":
      return strList(o, "models") ?? [];
    case "max_budget":
      return nativeBudget(o.max_budget);
    case "budget_duration": {
      const d = str(o, "budget_duration");
      return d === null ? null : nativeBudgetDuration(d);
    }
    case "tpm_limit":
    case "rpm_limit":
      return num(o, attribute);
    case "metadata": {
      const m = str(o, "metadata");
      return m === null ? {} : (parseJsonObject(m) ?? {});
    }
    case "blocked":
      return bool(o, "blocked") === true;
  }
}

/** The metadata to send: the configuration's own keys, LiteLLM's owned keys as held, the owned-key arguments. */
function metadataToSend(planned: TfObject, config: TfObject, serverOwned: JsonObject): JsonObject {
  return mergeMetadata(nativeValue("metadata", planned) as JsonObject, serverOwned, managedMetadata(config, planned));
}

/** The /team/new fields for a planned team: only what is set. */
export function fieldsForCreate(planned: TfObject, config: TfObject = planned): TeamFields {
  const fields: Record<string, unknown> = {};
  for (const a of teamRowAttributes) {
    const v = a === "metadata" ? metadataToSend(planned, config, {}) : nativeValue(a, planned);
    const empty = v === null || v === false || (Array.isArray(v) && v.length === 0) || (a === "metadata" && Object.keys(v as object).length === 0);
    if (!empty) fields[a] = v;
  }
  return fields as TeamFields;
}

/** The /team/update fields for what changed; a removed attribute is sent as its clearing value. */
export function fieldsForUpdate(prior: TfObject, planned: TfObject, config: TfObject = planned, serverOwned: JsonObject = {}): TeamFields {
  const fields: Record<string, unknown> = {};
  for (const a of teamRowAttributes) {
    if (a === "metadata") {
      // /team/update replaces the whole object, so LiteLLM's own keys are sent back as the server holds them.
      if (!valuesEqual(prior.metadata, planned.metadata) || metadataArgumentsChanged(prior, planned)) fields.metadata = metadataToSend(planned, config, serverOwned);
    } else if (!valuesEqual(prior[a], planned[a])) fields[a] = nativeValue(a, planned);
  }
  return fields as TeamFields;
}

/** A LiteLLM team in state form: no budget is 0 and a $0 cap null, an empty list or object is null. */
export function serverValues(team: LiteLLMTeam): Record<TeamStateAttribute, TfValue> {
  const split = splitMetadata(team.metadata);
  return {
    ...metadataArgumentsFromServer(split.owned),
    team_alias: team.team_alias || null,
    models: team.models.length ? [...team.models] : null,
    max_budget: budgetStateFromServer(team.max_budget),
    budget_duration: team.budget_duration || null,
    tpm_limit: team.tpm_limit,
    rpm_limit: team.rpm_limit,
    metadata: Object.keys(split.user).length ? canonicalJson(split.user) : null,
    blocked: team.blocked,
  };
}

/** The state for a team as LiteLLM has it, keeping `base`'s spelling (plan or prior state) where it means the same. */
export function teamStateFromServer(state: TfObject, team: LiteLLMTeam, base: TfObject | null): void {
  const server = serverValues(team);
  for (const a of teamStateAttributes) {
    const mine = base ? base[a] : null;
    state[a] = base && !isUnknown(mine) && mine !== null && isEquivalent(a, mine, server[a]) ? mine : server[a];
  }
  state.id = team.team_id;
  state.team_id = team.team_id;
  state.spend = team.spend;
}
