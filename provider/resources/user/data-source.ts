// Data source litellm_user: an existing user, by user_id or by exact email.
import { isUnknown } from "../../values/value";
import { attributePath } from "../../framework/diagnostics";
import type { DataSourceDefinition } from "../../framework/resource";
import type { LiteLLMClient } from "../../litellm/client";
import { isLiteLLMError } from "../../litellm/errors";
import { rowStateFromServer, str } from "./model";

export const userDataSource: DataSourceDefinition<LiteLLMClient> = {
  typeName: "litellm_user",
  constraints: {
    user_email: { schema: { format: "email" }, expectation: "must be an email address, like alice@example.com" },
    user_id: { schema: { minLength: 1 }, expectation: "must not be empty" },
  },

  validate({ config }, { diagnostics }) {
    if (isUnknown(config.user_id) || isUnknown(config.user_email)) return;
    const given = ["user_id", "user_email"].filter((a) => config[a] !== null);
    if (given.length !== 1) {
      diagnostics.addError(
        "Give Exactly One Of user_id And user_email",
        given.length === 0 ? "Set user_id or user_email to choose the user to read." : "Set only one of user_id and user_email.",
        attributePath(given.length ? "user_email" : "user_id"),
      );
    }
  },

  async read({ config }, resp, ctx) {
    const email = str(config, "user_email");
    let userId = str(config, "user_id");
    try {
      if (userId === null && email !== null) {
        const users = await ctx.client.findUsersByEmail(email, ctx.signal);
        if (users.length !== 1) {
          resp.diagnostics.addError(
            users.length ? "Email Is Not Unique" : "User Not Found",
            users.length
              ? `Several LiteLLM users have the email ${JSON.stringify(email)}: ${users.map((u) => u.user_id).join(", ")}. Use user_id.`
              : `No LiteLLM user has the email ${JSON.stringify(email)}.`,
            attributePath("user_email"),
          );
          return;
        }
        userId = users[0].user_id;
      }
      const info = userId === null ? null : await ctx.client.userInfo(userId, ctx.signal);
      if (!info) {
        resp.diagnostics.addError("User Not Found", `LiteLLM has no user with user_id ${JSON.stringify(userId)}.`, attributePath("user_id"));
        return;
      }
      // LiteLLM's values, not the config's: an unset argument would otherwise pass for "the same" as LiteLLM's
      // default (no role for internal_user, null for no budget). Only a configured email keeps its spelling,
      // as Terraform requires.
      rowStateFromServer(resp.state, info.user, null, false);
      delete resp.state.model_max_budget;
      resp.state.teams = [...info.user.teams];
      if (email !== null) resp.state.user_email = email;
    } catch (e) {
      resp.diagnostics.addError("Cannot Read User", `Error while reading the user: ${isLiteLLMError(e) ? e.message : String(e)}`);
    }
  },
};
