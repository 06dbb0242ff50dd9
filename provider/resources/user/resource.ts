// litellm_user as a declaration over LiteLLM's /user/* endpoints, with what the user owns beyond its row: the key
// /user/new can issue (kept in state, noticed when deleted out of band, re-issued when its settings change) and
// the team memberships `teams` makes. Private state holds the key's token and those teams (key-state.ts).
import { randomUUID } from "node:crypto";
import { declareResource, Refusal, type Body, type Remote } from "../../framework/declarative";
import type { HandlerContext } from "../../framework/resource";
import type { LiteLLMClient } from "../../litellm/client";
import { isLiteLLMError } from "../../litellm/errors";
import type { LiteLLMKeyRow, NewUserRequest, UserFields } from "../../litellm/types";
import { registerSecret } from "../../log";
import { describeLiteLLMError } from "../api-errors";
import { str, strList } from "../attribute-values";
import { validateOwnMetadata } from "../server-rules/metadata-validation";
import { userConstraints } from "./constraints";
import { userAttributes } from "./declaration";
import { applyKeyChanges, keyRequest, replaceKey, trackKey } from "./key-lifecycle";
import { keyToken, privateOf, writePrivate, type UserPrivateState } from "./key-state";
import { planUserKeyAndTeams, warnKeySettingsWithoutKey } from "./plan";
import { applyTeamChanges, teamsState, visibleTeams } from "./teams";

type Ctx = HandlerContext<LiteLLMClient>;

/** /user/update ignores null: only the clears LiteLLM honours are sent (null for the budget, "" for the alias). */
const clearable = new Set(Object.keys(userAttributes).filter((n) => userAttributes[n]!.codec.clear));
const withoutNulls = (body: Body, keep: Set<string> = new Set()) => Object.fromEntries(Object.entries(body).filter(([k, v]) => v !== null || keep.has(k)));

export const userResource = declareResource<LiteLLMClient, UserPrivateState>(
  {
    typeName: "litellm_user",
    noun: "user",
    idAttributes: ["id", "user_id"],
    attributes: userAttributes,
    constraints: userConstraints,
    checks: [validateOwnMetadata, warnKeySettingsWithoutKey],
    describeError: describeLiteLLMError,
    importHint: "a user_id, or the email of exactly one user",
    privateState: { read: privateOf, write: writePrivate },
    api: {
      newId: (planned) => str(planned, "user_id") ?? randomUUID(),
      async create(ctx, body, planned, _diagnostics, own) {
        const userId = planned.user_id as string;
        const wantsKey = planned.auto_create_key === true;
        const teams = strList(planned, "teams");
        const request: NewUserRequest = {
          ...(withoutNulls(body) as UserFields),
          user_id: userId,
          auto_create_key: wantsKey,
          ...(teams?.length ? { teams } : {}),
          ...(planned.send_invite_email === true ? { send_invite_email: true } : {}),
          ...(wantsKey ? keyRequest(planned) : {}),
        };
        let key = "";
        try {
          key = (await ctx.client.newUser(request, ctx.signal)).key;
        } catch (e) {
          // An earlier attempt landed before its answer was lost: the user with our own user_id is ours. Its key
          // cannot be recovered; afterWrite replaces it so that none is orphaned.
          if (isLiteLLMError(e) && e.isConflict && e.retried) ctx.log.info("user/new conflict on retry; the first attempt created the user", { user_id: userId });
          else if (await emailTaken(ctx, request.user_email ?? "", e)) throw alreadyExists(request.user_email ?? "", e);
          else throw e;
        }
        registerSecret(key);
        planned.key = key || null;
        own.keyToken = key ? keyToken(key) : null;
        if (teams) own.teams = teams;
        return userId;
      },
      async read(ctx, id) {
        const info = await ctx.client.userInfo(id, ctx.signal);
        return info ? ({ ...info.user, keys: info.keys } as unknown as Remote) : null;
      },
      update: (ctx, id, body) => ctx.client.updateUser(id, withoutNulls(body, clearable) as UserFields, ctx.signal),
      delete: (ctx, id) => ctx.client.deleteUser(id, ctx.signal),
      async afterWrite(ctx, id, { prior, planned, state, own, diagnostics }) {
        if (prior === null) {
          if (planned.auto_create_key === true && own.keyToken === null) await replaceKey(ctx, id, null, planned, state, own, diagnostics);
          return;
        }
        await applyTeamChanges(ctx, id, prior, planned, own, diagnostics);
        await applyKeyChanges(ctx, id, prior, planned, state, own, diagnostics);
      },
    },
    afterRead(state, remote, own, base) {
      const teams = Array.isArray(remote.teams) ? remote.teams.filter((t): t is string => typeof t === "string") : [];
      state.teams = teamsState(visibleTeams(teams, own), base ? base.teams : null);
      trackKey(state, (remote.keys ?? []) as LiteLLMKeyRow[], own);
    },
    // Memberships are adopted too: with teams in the configuration, the user owns them from now on. The user's
    // keys were not made by this resource, so it owns none: auto_create_key = false, and no plan touches them.
    async importId(id, ctx) {
      const wanted = id.trim();
      if (!wanted.includes("@")) return { id: wanted };
      const users = await ctx.client.findUsersByEmail(wanted, ctx.signal);
      if (users.length === 0) throw new Refusal("User Not Found", `No LiteLLM user has the email ${JSON.stringify(wanted)}. Check the email, or import by user_id.`);
      if (users.length > 1) {
        throw new Refusal(
          "Email Is Not Unique",
          `Several LiteLLM users have the email ${JSON.stringify(wanted)}: ${users.map((u) => u.user_id).join(", ")}. Import one of them by user_id.`,
        );
      }
      return { id: users[0]!.user_id };
    },
  },
  { modifyPlan: planUserKeyAndTeams },
);

function alreadyExists(email: string, e: unknown): Refusal {
  return new Refusal(
    "User Already Exists",
    `LiteLLM already has a user with user_email ${JSON.stringify(email)} (or the same user_id): ${isLiteLLMError(e) ? e.serverMessage : String(e)}. Import it with \`terraform import <address> ${email}\`, or choose another email.`,
    "user_email",
  );
}

/**
 * Whether a failed /user/new was refused for a duplicate email. LiteLLM answers 409 now, but up to 1.80.7 a plain
 * 400; that one is told apart by looking the email up rather than by reading the message. A call that may have
 * acted is not a refusal: the framework keeps the user in state, tainted.
 */
async function emailTaken(ctx: Ctx, email: string, e: unknown): Promise<boolean> {
  if (!isLiteLLMError(e)) return false;
  if (e.isConflict) return true;
  if (e.mayHaveActed || e.status !== 400 || !email) return false;
  try {
    return (await ctx.client.findUsersByEmail(email, ctx.signal)).length > 0;
  } catch {
    return false;
  }
}
