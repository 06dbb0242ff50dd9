// litellm_user: create, read, update, delete and import through LiteLLM's /user/* endpoints.
import { randomUUID } from "node:crypto";
import { isUnknown, unknown, valuesEqual, type TfObject } from "../../protocol/codec/value";
import { attributePath, type Diagnostics } from "../../framework/diagnostics";
import type { ApplyResponse, HandlerContext, PlanRequest, PlanResponse, ResourceDefinition } from "../../framework/resource";
import type { LiteLLMClient } from "../../litellm/client";
import { isLiteLLMError, type LiteLLMError } from "../../litellm/errors";
import type { UserInfo } from "../../litellm/types";
import { registerSecret } from "../../log";
import { userConstraints } from "./constraints";
import { keyLifetime, keyToken, readPrivate, userKeys, writePrivate, type UserPrivateState } from "./key-state";
import {
  bool,
  fieldsForCreate,
  fieldsForUpdate,
  isEquivalent,
  rowStateFromServer,
  str,
  strList,
  unclearableAttributes,
  userRowAttributes,
} from "./model";
import { keyDurationsEquivalent, parseJsonObject } from "./semantics";

type Ctx = HandlerContext<LiteLLMClient>;

export const userResource: ResourceDefinition<LiteLLMClient> = {
  typeName: "litellm_user",
  constraints: userConstraints,
  defaults: { user_role: "user", auto_create_key: false },

  validate({ config }, { diagnostics }) {
    if (bool(config, "auto_create_key") !== true && !isUnknown(config.auto_create_key)) {
      for (const a of ["key_alias", "key_duration"]) {
        if (config[a] !== null && !isUnknown(config[a])) {
          diagnostics.addWarning("Key Setting Without A Key", `${a} only applies when auto_create_key = true; without it no key is created.`, attributePath(a));
        }
      }
    }
  },

  modifyPlan(req, resp) {
    if (req.prior === null) planCreate(req, resp);
    else planUpdate(req, req.prior, resp);
  },

  async create({ planned }, resp, ctx) {
    const userId = str(planned, "user_id") ?? randomUUID();
    const autoCreateKey = bool(planned, "auto_create_key") === true;
    const email = str(planned, "user_email") ?? "";
    let created: { key: string; retried: boolean };
    try {
      created = await ctx.client.newUser(
        {
          ...fieldsForCreate(planned),
          user_id: userId,
          auto_create_key: autoCreateKey,
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

    const priv: UserPrivateState = { keyToken: created.key ? keyToken(created.key) : null };
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
    await readBack(ctx, userId, state, planned, priv, resp, "created");
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
    const priv = readPrivate(privBytes);
    const next: TfObject = { ...state };
    rowStateFromServer(next, info.user, state);
    trackKey(next, info, priv);
    resp.state = next;
    resp.private = writePrivate(priv);
  },

  async update({ prior, planned, plannedPrivate }, resp, ctx) {
    const userId = str(prior, "user_id")!;
    const priv = readPrivate(plannedPrivate);
    const fields = fieldsForUpdate(prior, planned);
    const state: TfObject = { ...planned };
    if (Object.keys(fields).length > 0) {
      try {
        await ctx.client.updateUser(userId, fields, ctx.signal);
      } catch (e) {
        apiError(resp.diagnostics, "Cannot Update User", `updating user ${userId}`, e);
        // State holds what the server has.
        resp.state = { ...prior };
        await readBack(ctx, userId, resp.state, prior, priv, resp, "kept");
        return;
      }
    }
    await applyKeyChanges(ctx, userId, prior, planned, state, priv, resp.diagnostics);
    resp.state = state;
    resp.private = writePrivate(priv);
    await readBack(ctx, userId, state, planned, priv, resp, "updated");
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
      // Adopt the user's one key, if it has exactly one; its raw value cannot be recovered.
      const keys = userKeys(info.keys);
      const adopted = keys.length === 1 ? keys[0] : undefined;
      state.auto_create_key = adopted !== undefined;
      state.key_alias = adopted?.key_alias ?? null;
      state.key_duration = adopted ? keyLifetime(adopted) : null;
      state.key = null;
      resp.state = state;
      resp.private = writePrivate({ keyToken: adopted?.token ?? null });
    } catch (e) {
      apiError(resp.diagnostics, "Cannot Import User", `importing ${JSON.stringify(id)}`, e);
    }
  },
};

// ---- planning ----

const computedRowAttributes = new Set<string>(["user_role", "max_budget", ...unclearableAttributes]);

function planCreate(req: PlanRequest, resp: PlanResponse): void {
  const p = resp.planned;
  // A new user has none of these unless the config sets them, so the plan can say so.
  for (const a of unclearableAttributes) if (req.config[a] === null) p[a] = null;
  if (req.config.max_budget === null) p.max_budget = 0;
  p.key = bool(p, "auto_create_key") === true || isUnknown(p.auto_create_key) ? unknown : null;
  resp.plannedPrivate = new Uint8Array(0);
}

function planUpdate(req: PlanRequest, prior: TfObject, resp: PlanResponse): void {
  const { config } = req;
  const p = resp.planned;

  const configuredUserId = config.user_id;
  if (configuredUserId !== null && !isUnknown(configuredUserId) && !valuesEqual(configuredUserId, prior.user_id)) {
    resp.requiresReplace.push(attributePath("user_id"));
  }

  if (config.max_budget === null) p.max_budget = 0;
  for (const a of userRowAttributes) {
    // Same meaning, other spelling (defaults included): keep what state has, so that nothing changes.
    // A value the config sets may only give way to a non-null prior; a computed one the config leaves out may
    // keep a null prior (a user created without a role has LiteLLM's default role, internal_user).
    const mayKeepPrior = prior[a] !== null || (config[a] === null && computedRowAttributes.has(a));
    if (p[a] !== null && mayKeepPrior && isEquivalent(a, p[a], prior[a])) p[a] = prior[a];
  }
  // The same key lifetime in another spelling (720h for 30d) is no change either.
  const lifetime = str(p, "key_duration"), priorLifetime = str(prior, "key_duration");
  if (lifetime !== null && priorLifetime !== null && keyDurationsEquivalent(lifetime, priorLifetime)) p.key_duration = priorLifetime;

  for (const a of unclearableAttributes) {
    if (config[a] === null && prior[a] !== null) {
      resp.diagnostics.addWarning(
        "LiteLLM Cannot Clear This Attribute",
        `${a} is not in the configuration, but LiteLLM has ${a} = ${shown(prior[a])} for this user and its /user/update ignores empty values, so it stays on the server and in state. Set a new value to change it.`,
        attributePath(a),
      );
    }
  }
  cannotEmpty(config, prior, "models", (v) => Array.isArray(v) && v.length === 0, resp.diagnostics);
  cannotEmpty(config, prior, "metadata", (v) => typeof v === "string" && Object.keys(parseJsonObject(v) ?? { x: 1 }).length === 0, resp.diagnostics);

  // The key.
  const priv = readPrivate(req.priorPrivate);
  const wantsKey = bool(p, "auto_create_key");
  if (isUnknown(p.auto_create_key) || isUnknown(p.key_alias) || isUnknown(p.key_duration)) p.key = unknown;
  else if (wantsKey) {
    if (keyNeedsReissue(prior, p, priv)) p.key = unknown;
  } else {
    p.key = null;
    if (priv.keyToken !== null) {
      resp.diagnostics.addWarning(
        "The User's Key Will Be Deleted",
        `auto_create_key is now false, so applying this plan deletes the user's key${prior.key_alias ? ` ${JSON.stringify(prior.key_alias)}` : ""} from LiteLLM.`,
        attributePath("auto_create_key"),
      );
    }
  }

  const changing = [...userRowAttributes, "auto_create_key", "key_alias", "key_duration", "key"].some((a) => !valuesEqual(p[a], prior[a]));
  if (changing) {
    // LiteLLM stamps the update, and spend moves with traffic at any time.
    p.updated_at = unknown;
    p.spend = unknown;
  }
}

function cannotEmpty(config: TfObject, prior: TfObject, a: string, isEmpty: (v: unknown) => boolean, diagnostics: Diagnostics): void {
  if (isEmpty(config[a]) && prior[a] !== null && !isEmpty(prior[a])) {
    diagnostics.addError(
      "LiteLLM Cannot Empty This Attribute",
      `${a} is set to an empty value, but LiteLLM's /user/update ignores empty values, so ${a} would stay ${shown(prior[a])} on the server. Remove ${a} from the configuration to leave it as it is, or list the values you want.`,
      attributePath(a),
    );
  }
}

function keyNeedsReissue(prior: TfObject, planned: TfObject, priv: UserPrivateState): boolean {
  if (bool(prior, "auto_create_key") !== true) return true;
  if (priv.keyToken === null) return true;
  if (!valuesEqual(prior.key_alias, planned.key_alias)) return true;
  const a = str(prior, "key_duration"), b = str(planned, "key_duration");
  if (a === null || b === null) return a !== b;
  return !keyDurationsEquivalent(a, b);
}

// ---- applying ----

async function applyKeyChanges(ctx: Ctx, userId: string, prior: TfObject, planned: TfObject, state: TfObject, priv: UserPrivateState, diagnostics: Diagnostics) {
  const wantsKey = bool(planned, "auto_create_key") === true;
  if (wantsKey && isUnknown(planned.key)) {
    await replaceKey(ctx, userId, prior, planned, state, priv, diagnostics);
  } else if (!wantsKey && priv.keyToken !== null) {
    await deleteKey(ctx, priv.keyToken, diagnostics);
    priv.keyToken = null;
    state.key = null;
  } else if (wantsKey) {
    state.key = prior.key;
  }
}

/**
 * Issues the user's new key and retires the old one. The new key comes first, so that a failure does not leave
 * the user keyless, except when the old key holds the alias the new one needs: LiteLLM wants aliases unique, so
 * that old key goes first. `prior` is null for a create retried after a lost answer: the key the lost attempt
 * made (same alias) is deleted so that it is not orphaned.
 */
async function replaceKey(
  ctx: Ctx,
  userId: string,
  prior: TfObject | null,
  planned: TfObject,
  state: TfObject,
  priv: UserPrivateState,
  diagnostics: Diagnostics,
): Promise<void> {
  const alias = str(planned, "key_alias");
  try {
    if (prior === null) {
      const info = await ctx.client.userInfo(userId, ctx.signal);
      const stray = userKeys(info?.keys ?? []).filter((k) => k.key_alias === alias);
      if (stray.length) await ctx.client.deleteKeys(stray.map((k) => k.token), ctx.signal);
    } else if (priv.keyToken !== null && alias !== null && str(prior, "key_alias") === alias) {
      await ctx.client.deleteKeys([priv.keyToken], ctx.signal);
      priv.keyToken = null;
      state.key = null;
    }
    const generated = await ctx.client.generateKey(
      {
        user_id: userId,
        ...(alias !== null ? { key_alias: alias } : {}),
        ...(str(planned, "key_duration") !== null ? { duration: str(planned, "key_duration")! } : {}),
        models: strList(planned, "models") ?? [],
      },
      ctx.signal,
    );
    registerSecret(generated.key);
    const previous = priv.keyToken;
    state.key = generated.key;
    priv.keyToken = keyToken(generated.key);
    if (previous) await deleteKey(ctx, previous, diagnostics);
  } catch (e) {
    if (prior !== null && priv.keyToken !== null) {
      // The old key is still there: state keeps it and its settings, so that the next plan tries again.
      state.key = prior.key;
      state.key_alias = prior.key_alias;
      state.key_duration = prior.key_duration;
    } else {
      // No key now; the next plan creates one.
      state.key = null;
    }
    apiError(diagnostics, "Cannot Create Key", `creating the key of user ${userId}`, e);
  }
}

async function deleteKey(ctx: Ctx, token: string, diagnostics: Diagnostics): Promise<void> {
  try {
    await ctx.client.deleteKeys([token], ctx.signal);
  } catch (e) {
    apiError(diagnostics, "Cannot Delete Old Key", `deleting the user's previous key (token ${token.slice(0, 8)}…); delete it by hand with /key/delete`, e);
  }
}

/** Reads the user back so that state holds what LiteLLM has; checks that LiteLLM kept what was planned. */
async function readBack(ctx: Ctx, userId: string, state: TfObject, base: TfObject, priv: UserPrivateState, resp: ApplyResponse, verb: string): Promise<void> {
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
  rowStateFromServer(state, info.user, base);
  trackKey(state, info, priv);
  resp.private = writePrivate(priv);
  if (verb === "kept") return;
  for (const a of userRowAttributes) {
    if (!isUnknown(before[a]) && !valuesEqual(before[a], state[a])) {
      resp.diagnostics.addError(
        "LiteLLM Did Not Apply A Change",
        `The plan set ${a} = ${shown(before[a])}, but LiteLLM kept ${shown(state[a])}. ${a === "max_budget" ? "LiteLLM up to 1.80.x cannot remove a budget; upgrade the proxy or set a budget instead. " : ""}State now holds LiteLLM's value.`,
        attributePath(a),
      );
    }
  }
}

/** Notices a key deleted out of band: the key goes from state, and the next plan creates a new one. */
function trackKey(state: TfObject, info: UserInfo, priv: UserPrivateState): void {
  if (priv.keyToken === null) return;
  if (!info.keys.some((k) => k.token === priv.keyToken)) {
    priv.keyToken = null;
    state.key = null;
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

function reportCreateError(e: unknown, email: string, diagnostics: Diagnostics, duplicate = false): void {
  if (isLiteLLMError(e) && (e.isConflict || duplicate)) {
    diagnostics.addError(
      "User Already Exists",
      `LiteLLM already has a user with user_email ${JSON.stringify(email)} (or the same user_id): ${e.serverMessage}. Import it with \`terraform import <address> ${email}\`, or choose another email.`,
      attributePath("user_email"),
    );
    return;
  }
  apiError(diagnostics, "Cannot Create User", `creating user ${JSON.stringify(email)}`, e);
}

function apiError(diagnostics: Diagnostics, summary: string, doing: string, e: unknown, after = ""): void {
  const err = e as LiteLLMError;
  const message = isLiteLLMError(e) ? err.message : e instanceof Error ? e.message : String(e);
  diagnostics.addError(summary, `Error while ${doing}: ${message}${after && !/[.!?]$/.test(message) ? "." : ""}${after}`);
}

/** A value as text for a diagnostic; JSON.stringify alone throws on the bigints large numbers decode to. */
function shown(v: unknown): string {
  if (typeof v === "bigint") return v.toString();
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x)) ?? String(v);
}
