// Data source litellm_key: one key by token hash or exact alias. The secret is never readable.
import { declareDataSource, text, type AttributeDeclaration } from "../../framework/declarative";
import type { LiteLLMClient } from "../../litellm/client";
import { managementOf } from "../../litellm/management";
import { describeLiteLLMError } from "../api-errors";
import { keyAttributes } from "./declaration";

const NOT_READABLE = new Set(["key", "duration", "rotation", "rotation_in_place"]);

const attributes: Record<string, AttributeDeclaration> = { token: { codec: text() } };
for (const [name, a] of Object.entries(keyAttributes)) if (!NOT_READABLE.has(name)) attributes[name] = { ...a, computed: name !== "key_alias" };

export const keyDataSource = declareDataSource<LiteLLMClient>({
  typeName: "litellm_key",
  noun: "key",
  attributes,
  describeError: describeLiteLLMError,
  idOf: (k) => String(k.token ?? ""),
  lookups: [
    {
      attribute: "token",
      async find(ctx, token) {
        const k = await managementOf(ctx.client).keyInfo(token, ctx.signal);
        return k ? [k] : [];
      },
    },
    {
      attribute: "key_alias",
      async find(ctx, alias) {
        return (await managementOf(ctx.client).listKeys({ key_alias: alias }, ctx.signal)).filter((k) => k.key_alias === alias);
      },
    },
  ],
});
