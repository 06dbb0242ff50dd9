// litellm_user: create, read, update, delete and import through LiteLLM's /user/* endpoints.
import { randomUUID } from "node:crypto";
import { isUnknown, type TfObject } from "../../values/value";
import { attributePath } from "../../framework/diagnostics";
import type { ApplyResponse, HandlerContext, ResourceDefinition } from "../../framework/resource";
import type { LiteLLMClient } from "../../litellm/client";
import { isLiteLLMError } from "../../litellm/errors";
import type { UserInfo } from "../../litellm/types";
import { registerSecret } from "../../log";
import { userConstraints } from "./constraints";
import { applyKeyChanges, replaceKey, trackKey } from "./key-lifecycle";
import { keyToken, privateOf, readPrivate, writePrivate, type UserPrivateState } from "./key-state";
import { apiError, reportCreateError, shown } from "./messages";
import { bool, fieldsForCreate, fieldsForUpdate, keySettings, rowStateFromServer, str, strList } from "./model";
import { rowArguments, serverFilledUserAttributes } from "./declaration";
import { planUserChange } from "./plan";
import { applyTeamChanges, visibleTeams } from "./teams";
import { splitMetadata } from "../server-rules/owned-metadata";
import { unappliedArguments } from "../server-rules/server-filled";
import { validateOwnMetadata } from "../server-rules/metadata-validation";
import { wantsUnlimited } from "../server-rules/zero-budget";

type Ctx = HandlerContext<LiteLLMClient>;

export const userResource: ResourceDefinition<LiteLLMClient> = {
  typeName: "litellm_user",
  constraints: userConstraints,
  defaults: { user_role: "user", auto_create_key: false },

  validate({ config }, { diagnostics }) {
    validateOwnMetadata(config, diagnostics);
    if (bool(config, "auto_create_key") !== true && !isUnknown(config.auto_create_key)) {
      for (const a of ["key_alias", "key_duration"]) {
        if (config[a] !== null && !isUnknown(config[a])) {
          diagnostics.addWarning("Key Setting Without A Key", `${a} only applies when auto_create_key = true; without it no key is created.`, attributePath(a));
        }
      }
    }
  },

  modifyPlan: planUserChange,

  async create({ planned, config }, resp, ctx) {
    const userId = str(planned, "user_id") ?? randomUUID();
    const autoCreateKey = bool(planned, "auto_create_key") === true;
    const email = str(planned, "user_email") ?? "";
    let created: { key: string; retried: boolean };
    try {
      created = await ctx.client.newUser(
        {
          ...fieldsForCreate(planned, config),
          user_id: userId,
          auto_create_key: autoCreateKey,
          ...(strList(planned, "teams")?.length ? { teams: strList(planned, "teams")! } : {}),
          ...(bool(planned, "send_invite_email") === true ? { send_invite_email: true } : {}),
          ...(autoCreateKey ? keySettings(planned) : {}),
          ...(autoCreateKey && str(planned, "key_alias") !== null ? { key_alias: str(planned, "key_alias")! } : {}),
          ...(autoCreateKey && str(planned, "key_duration") !== null ? { duration: str(planned, "key_duration")! } : {}),
        },
        ctx.signal,
      );
    } catch (e) {
      if (isLiteLLMError(e) && e.isConflict && e.retried) {
        // An earlier attempt landed before its answer was lost: the user with our own user_id is ours.
        ctx.log.info("user/new conflict on retry; the first attempt created the user", { user_id: userId });
        created = { key: "", retried: true };
      } else if (isLiteLLMError(e) && e.mayHaveActed && !e.isConflict) {
        // The outcome is unknown (answers lost, Ctrl-C): the user may exist. Saved with the error, it is tainted,
        // so the next plan reads it and replaces it, or drops it if LiteLLM does not have it; never orphaned.
        resp.state = { ...planned, id: userId, user_id: userId, key: null };
        apiError(
          resp.diagnostics,
          "Cannot Create User",
          `creating user ${JSON.stringify(email)} (user_id ${userId})`,
          e,
          " LiteLLM may have created the user all the same, so it is kept in state as tainted: the next apply replaces it, or creates it if LiteLLM does not have it.",
        );
        return;
      } else {
        resp.state = null;
        reportCreateError(e, email, resp.diagnostics, await emailTaken(ctx, email, e));
        return;
      }
    }
    registerSecret(created.key);

    const priv: UserPrivateState = { keyToken: created.key ? keyToken(created.key) : null, ...(strList(planned, "teams") ? { teams: strList(planned, "teams")! } : {}) };
    const state: TfObject = { ...planned };
    state.id = userId;
    state.user_id = userId;
    state.key = created.key || null;

    if (autoCreateKey && !created.key) {
      // The key minted by the lost attempt cannot be recovered: replace it so that none is orphaned.
      await replaceKey(ctx, userId, null, planned, state, priv, resp.diagnostics);
    }
    resp.private = writePrivate(priv);
    resp.state = state;
    await removeFilledBudget(ctx, userId, config, resp);
    await readBack(ctx, userId, state, planned, config, priv, resp, "created");
  },

  async read({ state, private: privBytes }, resp, ctx) {
    const userId = str(state, "user_id") ?? str(state, "id");
    if (!userId) {
      resp.state = null;
      return;
    }
    const info = await ctx.client.userInfo(userId, ctx.signal).catch((e: unknown) => {
      apiError(resp.diagnostics, "Cannot Read User", `reading user ${userId}`, e);
      return undefined;
    });
    if (info === undefined) return;
    if (info === null) {
      ctx.log.info("user no longer exists on LiteLLM; removing it from state", { user_id: userId });
      resp.state = null;
      return;
    }
    const priv = privateOf(privBytes, state);
    const next: TfObject = { ...state };
    // A state from another provider has no blocked; LiteLLM's key without it is not blocked.
    if (next.blocked === null) next.blocked = false;
    rowStateFromServer(next, info.user, state, visibleTeams(info.user.teams, priv));
    trackKey(next, info, priv);
    resp.state = next;
    resp.private = writePrivate(priv);
  },

  async update({ prior, planned, config, plannedPrivate }, resp, ctx) {
    const userId = str(prior, "user_id")!;
    const priv = readPrivate(plannedPrivate);
    const state: TfObject = { ...planned };
    let fields = fieldsForUpdate(prior, planned, config);
    if (Object.keys(fields).length > 0) {
      try {
        if (fields.metadata !== undefined) {
          // /user/update replaces the whole metadata object: LiteLLM's own keys go with it as the server holds them.
          const current = await ctx.client.userInfo(userId, ctx.signal);
          fields = fieldsForUpdate(prior, planned, config, splitMetadata(current?.user.metadata).owned);
        }
        await ctx.client.updateUser(userId, fields, ctx.signal);
      } catch (e) {
        apiError(resp.diagnostics, "Cannot Update User", `updating user ${userId}`, e);
        // State holds what the server has.
        resp.state = { ...prior };
        await readBack(ctx, userId, resp.state, prior, null, priv, resp, "kept");
        return;
      }
    }
    await applyTeamChanges(ctx, userId, prior, planned, priv, resp.diagnostics);
    await applyKeyChanges(ctx, userId, prior, planned, state, priv, resp.diagnostics);
    resp.state = state;
    resp.private = writePrivate(priv);
    await readBack(ctx, userId, state, planned, config, priv, resp, "updated");
  },

  async delete({ prior }, resp, ctx) {
    const userId = str(prior, "user_id");
    if (!userId) return;
    try {
      const existed = await ctx.client.deleteUser(userId, ctx.signal);
      if (!existed) ctx.log.info("user was already gone", { user_id: userId });
    } catch (e) {
      apiError(resp.diagnostics, "Cannot Delete User", `deleting user ${userId}`, e);
    }
  },

  async importState({ id }, resp, ctx) {
    let userId = id.trim();
    try {
      if (userId.includes("@")) {
        const users = await ctx.client.findUsersByEmail(userId, ctx.signal);
        if (users.length === 0) {
          resp.diagnostics.addError("User Not Found", `No LiteLLM user has the email ${JSON.stringify(userId)}. Check the email, or import by user_id.`);
          return;
        }
        if (users.length > 1) {
          resp.diagnostics.addError(
            "Email Is Not Unique",
            `Several LiteLLM users have the email ${JSON.stringify(userId)}: ${users.map((u) => u.user_id).join(", ")}. Import one of them by user_id.`,
          );
          return;
        }
        userId = users[0].user_id;
      }
      const info = await ctx.client.userInfo(userId, ctx.signal);
      if (!info) return;
      const state: TfObject = Object.create(null);
      rowStateFromServer(state, info.user, null);
      // Memberships are adopted too: with teams in the configuration, the user owns them from now on.
      // The user's keys were not made by this resource, so it does not own them: auto_create_key = false, and no
      // later plan deletes or replaces them (a configuration without auto_create_key plans clean).
      state.auto_create_key = false;
      state.key_alias = null;
      state.key_duration = null;
      state.key = null;
      for (const a of ["aliases", "config", "permissions", "send_invite_email"]) state[a] = null;
      state.blocked = false;
      resp.state = state;
      resp.private = writePrivate({ keyToken: null });
    } catch (e) {
      apiError(resp.diagnostics, "Cannot Import User", `importing ${JSON.stringify(id)}`, e);
    }
  },
};

/** Reads the user back so that state holds what LiteLLM has; checks that LiteLLM kept what was planned. */
async function readBack(
  ctx: Ctx,
  userId: string,
  state: TfObject,
  base: TfObject,
  config: TfObject | null,
  priv: UserPrivateState,
  resp: ApplyResponse,
  verb: string,
): Promise<void> {
  let info: UserInfo | null;
  try {
    info = await ctx.client.userInfo(userId, ctx.signal);
  } catch (e) {
    const message = isLiteLLMError(e) ? e.message : String(e);
    resp.diagnostics.addWarning(
      "User Not Read Back",
      `The user ${userId} was ${verb}, but reading it back failed: ${message}. State holds the planned values; the next plan or refresh reads the user again.`,
    );
    return;
  }
  if (!info) {
    resp.diagnostics.addError("User Vanished", `The user ${userId} was ${verb}, but LiteLLM no longer finds it. Run terraform apply again to recreate it.`);
    return;
  }
  const before: TfObject = { ...state };
  rowStateFromServer(state, info.user, base, visibleTeams(info.user.teams, priv));
  trackKey(state, info, priv);
  resp.private = writePrivate(priv);
  if (verb === "kept") return;
  // Only what the configuration set is checked: the rest is LiteLLM's to fill.
  for (const a of unappliedArguments(config, before, state, [...rowArguments, "teams"], serverFilledUserAttributes)) {
    resp.diagnostics.addError(
      "LiteLLM Did Not Apply A Change",
      `The plan set ${a} = ${shown(before[a])}, but LiteLLM kept ${shown(state[a])}. ${a === "max_budget" ? "LiteLLM up to 1.80.x cannot remove a budget; upgrade the proxy or set a budget instead. " : ""}State now holds LiteLLM's value.`,
      attributePath(a),
    );
  }
}

/**
 * max_budget = 0 means unlimited, so /user/new gets no budget; a proxy with max_internal_user_budget (or a budget
 * in default_internal_user_params) fills one in. The update that removes it makes the user unlimited as written.
 */
async function removeFilledBudget(ctx: Ctx, userId: string, config: TfObject, resp: ApplyResponse): Promise<void> {
  if (!wantsUnlimited(config.max_budget)) return;
  try {
    const info = await ctx.client.userInfo(userId, ctx.signal);
    if (info && info.user.max_budget !== null) await ctx.client.updateUser(userId, { max_budget: null }, ctx.signal);
  } catch (e) {
    apiError(resp.diagnostics, "Cannot Remove The Proxy's Default Budget", `removing the budget LiteLLM gave user ${userId}`, e);
  }
}

/**
 * Whether a failed /user/new was refused for a duplicate email. LiteLLM answers 409 now, but up to 1.80.7 a plain
 * 400; that one is told apart by looking the email up rather than by reading the message.
 */
async function emailTaken(ctx: Ctx, email: string, e: unknown): Promise<boolean> {
  if (!isLiteLLMError(e)) return false;
  if (e.isConflict) return true;
  if (e.status !== 400 || !email) return false;
  try {
    return (await ctx.client.findUsersByEmail(email, ctx.signal)).length > 0;
  } catch {
    return false;
  }
}
