// litellm_team values: what LiteLLM receives for the attributes, and the state built from what it returns,
// keeping the configuration's spelling wherever it means the same (weekly and 7d, key order in metadata).
import { isUnknown, numberText, valuesEqual, type TfNumber, type TfObject, type TfValue } from "../../values/value";
import type { LiteLLMTeam, TeamFields } from "../../litellm/teams";
import { jsonObjectOf, jsonObjectsEquivalent, keepJsonObjectSpelling, jsonObjectState } from "../json-object-argument";
import { bool, num, str, strList } from "../user/model";
import { budgetDurationsEquivalent, nativeBudgetDuration } from "../user/semantics";
import { metadataToSend, teamMetadataFields, userMetadata } from "./metadata-fields";

/** The team columns this resource manages; /team/update can set and clear each of them. */
export const teamRowAttributes = [
  "team_alias",
  "organization_id",
  "models",
  "max_budget",
  "soft_budget",
  "budget_duration",
  "tpm_limit",
  "rpm_limit",
  "tpm_limit_type",
  "rpm_limit_type",
  "metadata",
  "blocked",
  "team_member_permissions",
  "team_member_budget",
  "team_member_budget_duration",
  "team_member_rpm_limit",
  "team_member_tpm_limit",
  "team_member_key_duration",
  "prompts",
  "model_aliases",
  "router_settings",
] as const;
export type TeamRowAttribute = (typeof teamRowAttributes)[number];

/** The team's default budget for members: sent together, as LiteLLM keeps them in one budget row. */
const memberBudgetAttributes = ["team_member_budget", "team_member_budget_duration", "team_member_rpm_limit", "team_member_tpm_limit"] as const;

const asNumber = (v: TfValue): number | null => (v === null || isUnknown(v) ? null : typeof v === "number" ? v : Number(numberText(v as TfNumber)));
const emptyToNull = (v: TfValue): TfValue => (v === "" ? null : v);
const sameList = (a: TfValue, b: TfValue) => valuesEqual(Array.isArray(a) ? a : [], Array.isArray(b) ? b : []);
const sameNumber = (a: TfValue, b: TfValue) => asNumber(a) === asNumber(b);
const sameBudget = (a: TfValue, b: TfValue) => (asNumber(a) ?? 0) === (asNumber(b) ?? 0);
const sameDuration = (a: TfValue, b: TfValue) => (typeof a === "string" && typeof b === "string" ? budgetDurationsEquivalent(a, b) : a === b);
const sameText = (a: TfValue, b: TfValue) => emptyToNull(a) === emptyToNull(b);

/** When two values of an attribute mean the same to LiteLLM. */
const equivalent: Record<TeamRowAttribute, (a: TfValue, b: TfValue) => boolean> = {
  team_alias: sameText,
  organization_id: sameText,
  models: sameList,
  max_budget: sameBudget,
  soft_budget: sameNumber,
  budget_duration: sameDuration,
  tpm_limit: sameNumber,
  rpm_limit: sameNumber,
  tpm_limit_type: sameText,
  rpm_limit_type: sameText,
  metadata: jsonObjectsEquivalent,
  blocked: (a, b) => (a === true) === (b === true),
  team_member_permissions: sameList,
  team_member_budget: sameBudget,
  team_member_budget_duration: sameDuration,
  team_member_rpm_limit: sameNumber,
  team_member_tpm_limit: sameNumber,
  team_member_key_duration: sameText,
  prompts: sameList,
  model_aliases: (a, b) => valuesEqual(a ?? {}, b ?? {}) || (isEmptyMap(a) && isEmptyMap(b)),
  router_settings: jsonObjectsEquivalent,
};

function isEmptyMap(v: TfValue): boolean {
  return v === null || (typeof v === "object" && !Array.isArray(v) && Object.keys(v as object).length === 0);
}

export function isEquivalent(attribute: TeamRowAttribute, a: TfValue, b: TfValue): boolean {
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

/** The metadata object to send for a planned team: the user's metadata with the metadata-held fields put in. */
function metadataFor(o: TfObject): Record<string, unknown> {
  return metadataToSend(jsonObjectOf(o.metadata), {
    tpm_limit_type: str(o, "tpm_limit_type"),
    rpm_limit_type: str(o, "rpm_limit_type"),
    prompts: strList(o, "prompts"),
    team_member_key_duration: str(o, "team_member_key_duration"),
  });
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
    case "tpm_limit_type":
    case "rpm_limit_type":
    case "prompts":
      return metadataFor(o);
    case "team_member_key_duration":
      return str(o, attribute);
    case "blocked":
      return bool(o, "blocked") === true;
    case "model_aliases":
      return stringMapOf(o, "model_aliases") ?? {};
    case "router_settings":
      return jsonObjectOf(o.router_settings) ?? {};
  }
}

/** The request field an attribute is sent in: the metadata-held ones travel inside metadata. */
function fieldOf(attribute: TeamRowAttribute): string {
  return (teamMetadataFields as readonly string[]).includes(attribute) && attribute !== "team_member_key_duration" ? "metadata" : attribute;
}

function isEmptyValue(a: TeamRowAttribute, v: unknown): boolean {
  return v === null || v === false || (Array.isArray(v) && v.length === 0) || (typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0 && a !== "blocked");
}

/** The /team/new fields for a planned team: only what is set. */
export function fieldsForCreate(planned: TfObject): TeamFields {
  const fields: Record<string, unknown> = {};
  for (const a of teamRowAttributes) {
    const v = nativeValue(a, planned);
    if (!isEmptyValue(a, v)) fields[fieldOf(a)] = v;
  }
  return fields as TeamFields;
}

/**
 * The /team/update fields for what changed; a removed attribute is sent as its clearing value. The member
 * budget fields go together (LiteLLM keeps them in one row), and a change to anything kept in metadata sends
 * the whole metadata object, which LiteLLM replaces.
 */
export function fieldsForUpdate(prior: TfObject, planned: TfObject): TeamFields {
  const fields: Record<string, unknown> = {};
  const changed = (a: TeamRowAttribute) => !valuesEqual(prior[a], planned[a]);
  for (const a of teamRowAttributes) {
    if (!changed(a)) continue;
    fields[fieldOf(a)] = nativeValue(a, planned);
    if (a === "team_member_key_duration") fields.metadata = metadataFor(planned);
  }
  if (memberBudgetAttributes.some(changed)) for (const a of memberBudgetAttributes) fields[a] = nativeValue(a, planned);
  return fields as TeamFields;
}

/** A LiteLLM team in state form: no budget is 0, an empty list or object is null. */
export function serverValues(team: LiteLLMTeam): Record<TeamRowAttribute, TfValue> {
  const md = team.metadata;
  const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
  const prompts = Array.isArray(md.prompts) ? md.prompts.filter((p): p is string => typeof p === "string") : [];
  return {
    team_alias: team.team_alias || null,
    organization_id: team.organization_id || null,
    models: team.models.length ? [...team.models] : null,
    max_budget: team.max_budget ?? 0,
    soft_budget: team.soft_budget,
    budget_duration: team.budget_duration || null,
    tpm_limit: team.tpm_limit,
    rpm_limit: team.rpm_limit,
    tpm_limit_type: text(md.tpm_limit_type),
    rpm_limit_type: text(md.rpm_limit_type),
    metadata: jsonObjectState(userMetadata(md), null),
    blocked: team.blocked,
    team_member_permissions: team.team_member_permissions.length ? [...team.team_member_permissions] : null,
    team_member_budget: team.memberBudget.max_budget,
    team_member_budget_duration: team.memberBudget.budget_duration,
    team_member_rpm_limit: team.memberBudget.rpm_limit,
    team_member_tpm_limit: team.memberBudget.tpm_limit,
    team_member_key_duration: text(md.team_member_key_duration),
    prompts: prompts.length ? prompts : null,
    model_aliases: Object.keys(team.model_aliases).length ? { ...team.model_aliases } : null,
    router_settings: jsonObjectState(team.router_settings, null),
  };
}

/** The state for a team as LiteLLM has it, keeping `base`'s spelling (plan or prior state) where it means the same. */
export function teamStateFromServer(state: TfObject, team: LiteLLMTeam, base: TfObject | null): void {
  const server = serverValues(team);
  for (const a of teamRowAttributes) {
    const mine = base ? base[a] : null;
    state[a] = base && !isUnknown(mine) && mine !== null && isEquivalent(a, mine, server[a]) ? mine : server[a];
  }
  // JSON objects come back in the form the configuration wrote them (a map, or JSON text).
  state.metadata = keepJsonObjectSpelling(base?.metadata ?? null, userMetadata(team.metadata));
  state.router_settings = keepJsonObjectSpelling(base?.router_settings ?? null, team.router_settings);
  if (state.model_aliases !== null && typeof state.model_aliases === "object") state.model_aliases = Object.assign(Object.create(null), state.model_aliases);
  state.id = team.team_id;
  state.team_id = team.team_id;
  state.spend = team.spend;
}
