// litellm_model: a DB-stored deployment through /model/new, /v2/model/info, PATCH /model/{id}/update and
// /model/delete. The id is model_info.id, chosen here so that a create retried after a lost answer is refused
// rather than doubled. model_api_key is write-only, sent on create and when model_api_key_version changes.
// PATCH merges litellm_params and skips nulls, so removing most arguments replaces the deployment (said in the plan).
// team_id makes a team model, which needs LiteLLM's enterprise licence (team-model.ts).
import { randomUUID } from "node:crypto";
import { declareResource, number, stringList, text, type AttributeDeclaration } from "../../framework/declarative";
import { withWriteOnlyArguments } from "../../framework/write-only-arguments";
import type { LiteLLMClient } from "../../litellm/client";
import { managementOf } from "../../litellm/management";
import { describeLiteLLMError, nested } from "../api-errors";
import { nonNegativeInteger } from "../limit-constraints";
import { teamModelNamePlanRule, teamModelRefusal, withPublicName } from "./team-model";

const param = (name: string, codec = text()): AttributeDeclaration => ({ field: `litellm_params.${name}`, send: `litellm_params.${name}`, codec, whenRemoved: "replace" });
/** An upstream secret in litellm_params: write-only, sent with model_api_key when model_api_key_version changes. */
const secret = (name: string): AttributeDeclaration => ({ field: `litellm_params.${name}`, send: `litellm_params.${name}`, codec: text(), writeOnly: true });
const info = (name: string, codec = text()): AttributeDeclaration => ({ field: `model_info.${name}`, send: `model_info.${name}`, codec, whenRemoved: "replace" });

export const modelAttributes: Record<string, AttributeDeclaration> = {
  // A team model's is read from model_info.team_public_model_name (see team-model.ts).
  model_name: { codec: text(), planRule: teamModelNamePlanRule },
  custom_llm_provider: param("custom_llm_provider"),
  // Sent as litellm_params.model = "<custom_llm_provider>/<base_model>" too (see create and update below).
  base_model: info("base_model"),
  model_api_base: param("api_base"),
  api_version: param("api_version"),
  model_api_key: { field: "litellm_params.api_key", send: "litellm_params.api_key", codec: text(), writeOnly: true },
  model_api_key_version: { codec: text(), writeOnly: true, send: false },
  // An explicit null clears it on PATCH.
  litellm_credential_name: { ...param("litellm_credential_name"), whenRemoved: "clear" },
  tpm: param("tpm", number()),
  rpm: param("rpm", number()),
  timeout: param("timeout", number()),
  max_retries: param("max_retries", number()),
  // AWS (Bedrock, SageMaker) and Vertex AI; LiteLLM never shows the secrets back (remove_sensitive_info_from_deployment).
  aws_access_key_id: secret("aws_access_key_id"),
  aws_secret_access_key: secret("aws_secret_access_key"),
  aws_region_name: param("aws_region_name"),
  aws_session_name: param("aws_session_name"),
  aws_role_name: param("aws_role_name"),
  vertex_project: param("vertex_project"),
  vertex_location: param("vertex_location"),
  vertex_credentials: secret("vertex_credentials"),
  // Pricing LiteLLM uses for spend instead of its own cost map (litellm_params, US dollars).
  input_cost_per_token: param("input_cost_per_token", number()),
  output_cost_per_token: param("output_cost_per_token", number()),
  input_cost_per_second: param("input_cost_per_second", number()),
  output_cost_per_second: param("output_cost_per_second", number()),
  input_cost_per_pixel: param("input_cost_per_pixel", number()),
  output_cost_per_pixel: param("output_cost_per_pixel", number()),
  mode: info("mode"),
  tier: info("tier"),
  // A litellm_access_group may add groups: left out, it shows what LiteLLM has (set [] to clear).
  access_groups: { ...info("access_groups", stringList()), serverDefault: true },
  // PATCH would neither rename the deployment nor move the name between the teams' models lists.
  team_id: { ...info("team_id"), forceNew: true },
};

/** litellm_params.model, which LiteLLM routes on, from the two arguments that name it. */
function withRoutedModel(body: Record<string, unknown>, planned: Record<string, unknown>): Record<string, unknown> {
  const provider = planned.custom_llm_provider, base = planned.base_model;
  if (typeof provider !== "string" || typeof base !== "string") return body;
  return { ...body, "litellm_params.model": `${provider}/${base}`, "litellm_params.custom_llm_provider": provider, "model_info.base_model": base };
}

/** /v2/model/info rows carry the id inside model_info. */
const idOf = (m: Record<string, unknown>) => String((m.model_info as Record<string, unknown> | undefined)?.id ?? "");

const declared = declareResource<LiteLLMClient>({
  typeName: "litellm_model",
  noun: "model",
  attributes: modelAttributes,
  constraints: {
    model_name: { schema: { minLength: 1 }, expectation: "must not be empty" },
    custom_llm_provider: { schema: { minLength: 1 }, expectation: "must name the upstream provider, for example openai" },
    base_model: { schema: { minLength: 1 }, expectation: "must name the upstream model, for example gpt-4o" },
    tpm: nonNegativeInteger,
    rpm: nonNegativeInteger,
    timeout: { schema: { exclusiveMinimum: 0 }, expectation: "must be more than 0 seconds" },
    max_retries: nonNegativeInteger,
    ...Object.fromEntries(
      ["input_cost_per_token", "output_cost_per_token", "input_cost_per_second", "output_cost_per_second", "input_cost_per_pixel", "output_cost_per_pixel"].map((n) => [
        n,
        { schema: { minimum: 0 }, expectation: "must be 0 or more US dollars" },
      ]),
    ),
  },
  describeError: describeLiteLLMError,
  importHint: "the model ID (model_info.id)",
  api: {
    async create(ctx, body, planned) {
      const id = randomUUID();
      const full = nested(withRoutedModel({ ...body, "model_info.id": id }, planned));
      try {
        await managementOf(ctx.client).newModel(full, ctx.signal);
      } catch (e) {
        throw teamModelRefusal(e, planned.team_id) ?? e;
      }
      return id;
    },
    async read(ctx, id) {
      const m = await managementOf(ctx.client).modelInfo(id, ctx.signal);
      return m && idOf(m) === id ? withPublicName(m) : null;
    },
    async update(ctx, id, body, planned) {
      const routed = "litellm_params.custom_llm_provider" in body || "model_info.base_model" in body ? withRoutedModel(body, planned) : body;
      await managementOf(ctx.client).patchModel(id, nested(routed), ctx.signal);
    },
    delete: (ctx, id) => managementOf(ctx.client).deleteModel(id, ctx.signal),
  },
});

export const modelResource = withWriteOnlyArguments(
  declared,
  ["model_api_key", "aws_access_key_id", "aws_secret_access_key", "vertex_credentials"].map((attribute) => ({ attribute, version: "model_api_key_version" })),
);
export { idOf as modelIdOf };
