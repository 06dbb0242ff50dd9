// litellm_user as a declaration: per attribute the /user/* field, its codec (seed spellings, 0 as unlimited, a
// JSON object as a map or as text), whether a proxy's defaults may fill it (serverDefault), and the plan rules
// LiteLLM implies. Guardrails, tags and the per-model limits are LiteLLM's own keys inside metadata. The key
// settings and `teams` are not user fields: resource.ts gives them to /user/new, the key and the team rows.
import { bool, clearableText, jsonObject, number, show, spelledText, stringList, stringMap, text, type AttributeDeclaration, type AttributePlanRule, type Codec } from "../../framework/declarative";
import { attributePath } from "../../framework/diagnostics";
import { isUnknown, valuesEqual, type TfValue } from "../../values/value";
import { budgetDuration } from "../governance-support";
import { isEmptyJsonObject } from "../json-object-argument";
import { metadataAttributes } from "../server-rules/metadata-attributes";
import { zeroCapPlanRule, zeroMeansUnlimited } from "../server-rules/zero-budget";
import { keyDuration } from "../key/duration";
import { teamsEquivalent, teamsState } from "./teams";
import { emailsEquivalent, nativeRole } from "../seed-semantics";

const filled = { serverDefault: true };
/** Kept in state as written: LiteLLM gives it to the user's key, or acts on it once (resource.ts). */
const forTheKey = (codec: Codec, a: Partial<AttributeDeclaration> = {}): AttributeDeclaration => ({ codec, writeOnly: true, send: false, ...a });

/** /user/update ignores an empty value, so emptying an attribute that has one would change nothing: refused. */
const cannotEmpty = (isEmpty: (v: TfValue) => boolean): AttributePlanRule => (name, { prior, config }, resp) => {
  if (prior === null || isUnknown(config[name]) || !isEmpty(config[name]!) || prior[name] === null || isEmpty(prior[name]!)) return;
  resp.diagnostics.addError(
    "LiteLLM Cannot Empty This Attribute",
    `${name} is set to an empty value, but LiteLLM's /user/update ignores empty values, so ${name} would stay ${show(prior[name]!)} on the server. Remove ${name} from the configuration to leave it as it is, or list the values you want.`,
    attributePath(name),
  );
};
const emptyList = (v: TfValue) => Array.isArray(v) && v.length === 0;

const inviteOnlyAtCreation: AttributePlanRule = (name, { prior, config }, resp) => {
  if (prior === null || config[name] === null || isUnknown(config[name]) || valuesEqual(config[name], prior[name])) return;
  resp.diagnostics.addWarning(
    "Invitation Only At Creation",
    "send_invite_email only acts when the user is created; changing it now sends nothing. State records the new value.",
    attributePath(name),
  );
};

/** The teams as LiteLLM lists them, in the order the user wrote when they are the same teams. */
const teamList: Codec = {
  toApi: (v) => v,
  fromApi: (v, like) => teamsState(Array.isArray(v) ? v.filter((t): t is string => typeof t === "string") : [], like ?? null),
  equivalent: teamsEquivalent,
};

export const userAttributes: Record<string, AttributeDeclaration> = {
  id: { field: "user_id", codec: text(), computed: true },
  // Our own id, chosen before create (resource.ts): a retried /user/new is safe.
  user_id: { codec: text(), send: false, forceNew: true },
  user_email: { codec: spelledText({ toApi: (v) => v, equivalent: emailsEquivalent }) },
  // LiteLLM ignores a null alias; "" clears it.
  user_alias: { codec: clearableText({ clearWith: "" }) },
  // LiteLLM treats a user without a role as an internal_user.
  user_role: { codec: spelledText({ toApi: nativeRole, equivalent: (a, b) => nativeRole(a) === nativeRole(b), nullMeans: "internal_user" }), default: "user" },
  max_budget: {
    codec: zeroMeansUnlimited(),
    ...filled,
    planRule: zeroCapPlanRule,
    whenNotApplied: "LiteLLM up to 1.80.x cannot remove a budget; upgrade the proxy or set a budget instead.",
  },
  budget_duration: { codec: budgetDuration, ...filled },
  tpm_limit: { codec: number(), ...filled },
  rpm_limit: { codec: number(), ...filled },
  max_parallel_requests: { codec: number() },
  models: { codec: stringList(), ...filled, planRule: cannotEmpty(emptyList) },
  ...metadataAttributes,
  metadata: { ...metadataAttributes.metadata!, ...filled, planRule: cannotEmpty(isEmptyJsonObject) },
  model_max_budget: { codec: jsonObject(), planRule: cannotEmpty(isEmptyJsonObject) },
  // The teams joined through this resource; resource.ts shows only those (a litellm_team_member's are not drift).
  teams: { codec: teamList, send: false },
  auto_create_key: forTheKey(bool(), { default: false }),
  key_alias: forTheKey(text()),
  key_duration: forTheKey(keyDuration()),
  aliases: forTheKey(stringMap()),
  config: forTheKey(stringMap()),
  permissions: forTheKey(stringMap()),
  blocked: forTheKey(bool()),
  send_invite_email: forTheKey(bool(), { planRule: inviteOnlyAtCreation }),
  // LiteLLM shows the raw key only once: state keeps it (resource.ts notices a key deleted out of band).
  key: { codec: text(), computed: true, writeOnly: true },
  spend: { codec: number(), computed: true, volatile: true },
  created_at: { codec: text(), computed: true },
  updated_at: { codec: text(), computed: true, volatile: true },
};

/** The settings LiteLLM keeps on the user's key, not on the user: a change issues a new key. */
export const keySettingAttributes = ["aliases", "config", "permissions", "blocked"] as const;
