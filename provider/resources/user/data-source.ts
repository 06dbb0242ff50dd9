// Data source litellm_user: an existing user, by user_id or by exact email, with LiteLLM's values (an unset
// argument must not pass for "the same" as LiteLLM's default); metadata is plain JSON text here.
import { declareDataSource, jsonObjectText, listedStrings, type AttributeDeclaration } from "../../framework/declarative";
import type { LiteLLMClient } from "../../litellm/client";
import { describeLiteLLMError } from "../api-errors";
import { liteLLMOwnedMetadataKeys } from "../server-rules/owned-metadata";
import { userAttributes } from "./declaration";

const attributes: Record<string, AttributeDeclaration> = {};
for (const [name, a] of Object.entries(userAttributes)) if (!a.writeOnly && name !== "model_max_budget") attributes[name] = { ...a, computed: true };
attributes.teams = { codec: listedStrings(), computed: true };
attributes.metadata = { codec: jsonObjectText({ serverOwned: liteLLMOwnedMetadataKeys }), computed: true };

export const userDataSource = declareDataSource<LiteLLMClient>({
  typeName: "litellm_user",
  noun: "user",
  attributes,
  constraints: {
    user_email: { schema: { format: "email" }, expectation: "must be an email address, like alice@example.com" },
    user_id: { schema: { minLength: 1 }, expectation: "must not be empty" },
  },
  describeError: describeLiteLLMError,
  idOf: (u) => String(u.user_id ?? ""),
  lookups: [
    {
      attribute: "user_id",
      find: async (ctx, id) => {
        const info = await ctx.client.userInfo(id, ctx.signal);
        return info ? [info.user as unknown as Record<string, unknown>] : [];
      },
    },
    {
      attribute: "user_email",
      async find(ctx, email) {
        const users = await ctx.client.findUsersByEmail(email, ctx.signal);
        if (users.length !== 1) return users as unknown as Record<string, unknown>[];
        const info = await ctx.client.userInfo(users[0]!.user_id, ctx.signal);
        return info ? [info.user as unknown as Record<string, unknown>] : [];
      },
      notFound: (email) => `No LiteLLM user has the email ${JSON.stringify(email)}.`,
      notUnique: (email, ids) => ({ summary: "Email Is Not Unique", detail: `Several LiteLLM users have the email ${JSON.stringify(email)}: ${ids.join(", ")}. Use user_id.` }),
    },
  ],
});
