// litellm_team values: what LiteLLM receives for the attributes, and the state built from what it returns,
// keeping the configuration's spelling wherever it means the same (weekly and 7d, key order in metadata).
import { isUnknown, numberText, valuesEqual, type TfNumber, type TfObject, type TfValue } from "../../values/value";
import type { LiteLLMTeam, TeamFields } from "../../litellm/teams";
import { bool, num, str, strList } from "../user/model";
import { budgetDurationsEquivalent, canonicalJson, jsonTextsEquivalent, nativeBudgetDuration, parseJsonObject } from "../user/semantics";

/** The team columns this resource manages; /team/update can set and clear each of them. */
export const teamRowAttributes = ["team_alias", "models", "max_budget", "budget_duration", "tpm_limit", "rpm_limit", "metadata", "blocked"] as const;
export type TeamRowAttribute = (typeof teamRowAttributes)[number];

const asNumber = (v: TfValue): number | null => (v === null || isUnknown(v) ? null : typeof v === "number" ? v : Number(numberText(v as TfNumber)));
const emptyToNull = (v: TfValue): TfValue => (v === "" ? null : v);

/** When two values of an attribute mean the same to LiteLLM. */
const equivalent: Record<TeamRowAttribute, (a: TfValue, b: TfValue) => boolean> = {
  team_alias: (a, b) => emptyToNull(a) === emptyToNull(b),
  models: (a, b) => valuesEqual(Array.isArray(a) ? a : [], Array.isArray(b) ? b : []),
  max_budget: (a, b) => (asNumber(a) ?? 0) === (asNumber(b) ?? 0),
  budget_duration: (a, b) => (typeof a === "string" && typeof b === "string" ? budgetDurationsEquivalent(a, b) : a === b),
  tpm_limit: (a, b) => asNumber(a) === asNumber(b),
  rpm_limit: (a, b) => asNumber(a) === asNumber(b),
  metadata: (a, b) => jsonTextsEquivalent(typeof a === "string" ? a : "{}", typeof b === "string" ? b : "{}"),
  blocked: (a, b) => (a === true) === (b === true),
};

export function isEquivalent(attribute: TeamRowAttribute, a: TfValue, b: TfValue): boolean {
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
    case "max_budget": {
      const b = num(o, "max_budget");
      return b === null || b === 0 ? null : b;
    }
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

/** The /team/new fields for a planned team: only what is set. */
export function fieldsForCreate(planned: TfObject): TeamFields {
  const fields: Record<string, unknown> = {};
  for (const a of teamRowAttributes) {
    const v = nativeValue(a, planned);
    const empty = v === null || v === false || (Array.isArray(v) && v.length === 0) || (a === "metadata" && Object.keys(v as object).length === 0);
    if (!empty) fields[a] = v;
  }
  return fields as TeamFields;
}

/** The /team/update fields for what changed; a removed attribute is sent as its clearing value. */
export function fieldsForUpdate(prior: TfObject, planned: TfObject): TeamFields {
  const fields: Record<string, unknown> = {};
  for (const a of teamRowAttributes) {
    if (!valuesEqual(prior[a], planned[a])) fields[a] = nativeValue(a, planned);
  }
  return fields as TeamFields;
}

/** A LiteLLM team in state form: no budget is 0, an empty list or object is null. */
export function serverValues(team: LiteLLMTeam): Record<TeamRowAttribute, TfValue> {
  return {
    team_alias: team.team_alias || null,
    models: team.models.length ? [...team.models] : null,
    max_budget: team.max_budget ?? 0,
    budget_duration: team.budget_duration || null,
    tpm_limit: team.tpm_limit,
    rpm_limit: team.rpm_limit,
    metadata: Object.keys(team.metadata).length ? canonicalJson(team.metadata) : null,
    blocked: team.blocked,
  };
}

/** The state for a team as LiteLLM has it, keeping `base`'s spelling (plan or prior state) where it means the same. */
export function teamStateFromServer(state: TfObject, team: LiteLLMTeam, base: TfObject | null): void {
  const server = serverValues(team);
  for (const a of teamRowAttributes) {
    const mine = base ? base[a] : null;
    state[a] = base && !isUnknown(mine) && mine !== null && isEquivalent(a, mine, server[a]) ? mine : server[a];
  }
  state.id = team.team_id;
  state.team_id = team.team_id;
  state.spend = team.spend;
}
