// litellm_model: a DB-stored deployment through /model/new, /v2/model/info, PATCH /model/{id}/update and
// /model/delete. The id is model_info.id, chosen here so that a create retried after a lost answer is refused
// rather than doubled. model_api_key is write-only, sent on create and when model_api_key_version changes.
// PATCH merges litellm_params and skips nulls, so removing most arguments replaces the deployment (said in the plan).
import { randomUUID } from "node:crypto";
import { declareResource, number, stringList, text, type AttributeDeclaration } from "../../framework/declarative";
import { withWriteOnlyArguments } from "../../framework/write-only-arguments";
import type { LiteLLMClient } from "../../litellm/client";
import { managementOf } from "../../litellm/management";
import { describeLiteLLMError, nested } from "../api-errors";
import { nonNegativeInteger } from "../limit-constraints";

const param = (name: string, codec = text()): AttributeDeclaration => ({ field: `litellm_params.${name}`, send: `litellm_params.${name}`, codec, whenRemoved: "replace" });
const info = (name: string, codec = text()): AttributeDeclaration => ({ field: `model_info.${name}`, send: `model_info.${name}`, codec, whenRemoved: "replace" });

export const modelAttributes: Record<string, AttributeDeclaration> = {
  model_name: { codec: text() },
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
  mode: info("mode"),
  tier: info("tier"),
  // A litellm_access_group may add groups: left out, it shows what LiteLLM has (set [] to clear).
  access_groups: { ...info("access_groups", stringList()), serverDefault: true },
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
  },
  describeError: describeLiteLLMError,
  importHint: "the model ID (model_info.id)",
  api: {
    async create(ctx, body, planned) {
      const id = randomUUID();
      const full = nested(withRoutedModel({ ...body, "model_info.id": id }, planned));
      await managementOf(ctx.client).newModel(full, ctx.signal);
      return id;
    },
    async read(ctx, id) {
      const m = await managementOf(ctx.client).modelInfo(id, ctx.signal);
      return m && idOf(m) === id ? m : null;
    },
    async update(ctx, id, body, planned) {
      const routed = "litellm_params.custom_llm_provider" in body || "model_info.base_model" in body ? withRoutedModel(body, planned) : body;
      await managementOf(ctx.client).patchModel(id, nested(routed), ctx.signal);
    },
    delete: (ctx, id) => managementOf(ctx.client).deleteModel(id, ctx.signal),
  },
});

export const modelResource = withWriteOnlyArguments(declared, [{ attribute: "model_api_key", version: "model_api_key_version" }]);
export { idOf as modelIdOf };
