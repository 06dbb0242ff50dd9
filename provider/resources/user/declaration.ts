// litellm_user as a declaration: per attribute the /user/* field, its codec (seed spellings, 0 as unlimited, a
// JSON object as a map or as text) and whether a proxy's defaults may fill it (serverDefault). Guardrails, tags
// and the per-model limits are LiteLLM's own keys inside metadata: read from there, sent inside metadata.
import { clearableText, number, numberMap, spelledText, stringList, text, type AttributeDeclaration, type Codec } from "../../framework/declarative";
import { budgetDuration } from "../governance-support";
import { jsonObjectArgument } from "../json-object-argument";
import { liteLLMOwnedMetadataKeys } from "../server-rules/owned-metadata";
import { zeroMeansUnlimited } from "../server-rules/zero-budget";
import { emailsEquivalent, nativeRole } from "./semantics";

const filled = { serverDefault: true };
const inMetadata = (key: string, codec: Codec): AttributeDeclaration => ({ field: `metadata.${key}`, send: false, codec, ...filled });

export const userAttributes: Record<string, AttributeDeclaration> = {
  id: { field: "user_id", codec: text(), computed: true },
  user_id: { codec: text(), send: false },
  user_email: { codec: spelledText({ toApi: (v) => v, equivalent: emailsEquivalent }) },
  // LiteLLM ignores a null alias; "" clears it.
  user_alias: { codec: clearableText({ clearWith: "" }) },
  // LiteLLM treats a user without a role as an internal_user.
  user_role: { codec: spelledText({ toApi: nativeRole, equivalent: (a, b) => nativeRole(a) === nativeRole(b), nullMeans: "internal_user" }) },
  max_budget: { codec: zeroMeansUnlimited(), ...filled },
  budget_duration: { codec: budgetDuration, ...filled },
  tpm_limit: { codec: number(), ...filled },
  rpm_limit: { codec: number(), ...filled },
  max_parallel_requests: { codec: number() },
  models: { codec: stringList(), ...filled },
  // Sent by the resource, merged with LiteLLM's own keys and the arguments below (server-rules/owned-metadata.ts).
  metadata: { codec: jsonObjectArgument({ serverOwned: liteLLMOwnedMetadataKeys }), send: false, ...filled },
  model_max_budget: { codec: jsonObjectArgument() },
  guardrails: inMetadata("guardrails", stringList()),
  tags: inMetadata("tags", stringList()),
  model_rpm_limit: inMetadata("model_rpm_limit", numberMap()),
  model_tpm_limit: inMetadata("model_tpm_limit", numberMap()),
  spend: { codec: number(), computed: true, volatile: true },
  created_at: { codec: text(), computed: true },
  updated_at: { codec: text(), computed: true, volatile: true },
};

/** Arguments a proxy's default_internal_user_params, max_internal_user_budget or internal_user_budget_duration may fill. */
export const serverFilledUserAttributes = Object.keys(userAttributes).filter((n) => userAttributes[n]!.serverDefault === true);
/** The arguments state takes from the user row. */
export const rowArguments = Object.keys(userAttributes).filter((n) => !userAttributes[n]!.computed);
