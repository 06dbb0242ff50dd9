// Data source litellm_model: one deployment by model ID or exact public name. Upstream secrets are never readable.
import { declareDataSource, text, type AttributeDeclaration } from "../../framework/declarative";
import type { LiteLLMClient } from "../../litellm/client";
import { managementOf } from "../../litellm/management";
import { describeLiteLLMError } from "../api-errors";
import { modelAttributes, modelIdOf } from "./resource";
import { withPublicName } from "./team-model";

const attributes: Record<string, AttributeDeclaration> = { model_id: { field: "model_info.id", codec: text() } };
for (const [name, a] of Object.entries(modelAttributes)) {
  if (a.writeOnly) continue;
  attributes[name] = { ...a, computed: name !== "model_name" };
}

export const modelDataSource = declareDataSource<LiteLLMClient>({
  typeName: "litellm_model",
  noun: "model",
  attributes,
  describeError: describeLiteLLMError,
  idOf: modelIdOf,
  lookups: [
    {
      attribute: "model_id",
      async find(ctx, id) {
        const m = await managementOf(ctx.client).modelInfo(id, ctx.signal);
        return m ? [withPublicName(m)] : [];
      },
    },
    {
      attribute: "model_name",
      async find(ctx, name) {
        return (await managementOf(ctx.client).listModels({ model: name }, ctx.signal)).map(withPublicName).filter((m) => m.model_name === name);
      },
    },
  ],
});
