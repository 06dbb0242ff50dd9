// POST /user/new (reference §2): create a user and, unless auto_create_key is false, a key for it.

import { createHash } from "node:crypto";
import { wrappedHttpException, wrappedServerError } from "../errors";
import { jsonResponse, Reply } from "../http-types";
import { blankUser, type UserRow } from "../rows";
import { DurationError, keyExpiry, nextBudgetReset, isoOrNull } from "../time";
import { validateBody, type ModelValues } from "../validation/model";
import { newUserRequest } from "../validation/requests";
import type { RouteContext, RouteHandler } from "./context";
import { mintKey, type MintedKey } from "./key-minting";
import { joinTeamsQuietly } from "./user-new-teams";
import { checkBudgetDuration } from "./budget-duration-check";
import { withInternalUserDefaults } from "./user-new-defaults";

export const ENTERPRISE_ONLY_MESSAGE =
  "You must be a LiteLLM Enterprise user to use this feature. If you have a license please set `LITELLM_LICENSE` in your env.";

export const userNew: RouteHandler = (req, ctx) => {
  const request = validateBody(req.body, newUserRequest(ctx.legacy));
  checkBudgetDuration(request, ctx, (detail) => wrappedHttpException(400, detail));
  const body = withInternalUserDefaults(request, ctx);
  const userId = (body.user_id as string | null | undefined) ?? ctx.newUserId();
  const email = (body.user_email as string | null | undefined) ?? null;
  const existing = ctx.store.getUser(userId);
  rejectDuplicates(ctx, userId, email);

  if (isNonEmptyObject(body.model_max_budget) && !ctx.enterprise) throw new Reply(wrappedServerError(ENTERPRISE_ONLY_MESSAGE));
  const autoCreateKey = body.auto_create_key !== false;
  const now = ctx.now();
  const expires = autoCreateKey ? parseOrFail(() => (body.duration ? keyExpiry(body.duration as string, now) : null)) : null;
  const budgetResetAt = parseOrFail(() => (body.budget_duration ? nextBudgetReset(body.budget_duration as string, now) : null));

  const user = buildUser(body, userId, budgetResetAt, now);
  // Legacy proxies upserted with an empty update: an existing user stays as it was, but still gets a key.
  if (!existing) ctx.store.putUser(user);
  if (!existing && Array.isArray(body.teams)) joinTeamsQuietly(ctx, user.user_id, body.teams);
  const minted = autoCreateKey ? mintUserKey(ctx, user, body, expires) : undefined;
  return jsonResponse(200, responseBody(user, body, minted));
};

function rejectDuplicates(ctx: RouteContext, userId: string, email: string | null): void {
  // LiteLLM only looks for a duplicate when an email was given ("if data.user_email").
  const sameEmail = email === null || email.trim() === "" ? undefined : ctx.store.findUsersByEmail(email)[0];
  if (ctx.legacy) {
    if (sameEmail) throw new Reply(wrappedHttpException(400, { error: `User with email ${sameEmail.user_email} already exists` }));
    return;
  }
  if (ctx.store.getUser(userId)) throw new Reply(wrappedHttpException(409, { error: `User with id ${userId} already exists` }));
  if (sameEmail) throw new Reply(wrappedHttpException(409, { error: `User with email ${sameEmail.user_email} already exists` }));
}

/** Duration errors are plain ValueErrors in LiteLLM, so handle_exception_on_proxy makes them 500s. */
function parseOrFail<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof DurationError) throw new Reply(wrappedServerError(e.message));
    throw e;
  }
}

function buildUser(body: ModelValues, userId: string, budgetResetAt: number | null, now: number): UserRow {
  const user = blankUser(userId, now);
  const copy = <K extends keyof UserRow>(field: K) => {
    if (body[field] !== undefined && body[field] !== null) user[field] = body[field] as UserRow[K];
  };
  (["user_alias", "team_id", "sso_user_id", "user_role", "max_budget", "spend", "user_email", "models", "metadata",
    "max_parallel_requests", "tpm_limit", "rpm_limit", "budget_duration", "allowed_cache_controls", "policies",
    "model_max_budget"] as const).forEach(copy);
  // prepare_metadata_fields: these request fields live inside metadata.
  for (const field of ["model_rpm_limit", "model_tpm_limit", "guardrails", "tags"]) {
    if (body[field] !== undefined && body[field] !== null) user.metadata = { ...user.metadata, [field]: body[field] };
  }
  user.budget_reset_at = budgetResetAt;
  if (typeof body.password === "string") user.password = createHash("sha256").update(body.password).digest("hex");
  // Teams are joined after the user is written (joinTeamsQuietly), as LiteLLM does through team_member_add.
  user.teams = [];
  return user;
}

function mintUserKey(ctx: RouteContext, user: UserRow, body: ModelValues, expires: number | null): MintedKey {
  return mintKey(ctx, {
    key_alias: (body.key_alias as string | null | undefined) ?? null,
    expires,
    user_id: user.user_id,
    models: [...user.models],
    metadata: structuredClone(user.metadata),
    tpm_limit: user.tpm_limit,
    rpm_limit: user.rpm_limit,
    // LiteLLM has no user columns for these: generate_key_helper_fn gives them to the key.
    aliases: objectOr(body.aliases),
    config: objectOr(body.config),
    permissions: objectOr(body.permissions),
    blocked: typeof body.blocked === "boolean" ? body.blocked : null,
  });
}

function objectOr(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
}

/** NewUserResponse: GenerateKeyResponse fields plus the user's, every field present (nulls included). */
function responseBody(user: UserRow, body: ModelValues, minted: MintedKey | undefined): Record<string, unknown> {
  const key = minted?.row;
  return {
    key_alias: key?.key_alias ?? null,
    duration: (body.duration as string | null | undefined) ?? null,
    models: user.models,
    spend: user.spend,
    max_budget: user.max_budget,
    user_id: user.user_id,
    team_id: user.team_id,
    max_parallel_requests: user.max_parallel_requests,
    metadata: user.metadata,
    tpm_limit: user.tpm_limit,
    rpm_limit: user.rpm_limit,
    budget_duration: user.budget_duration,
    allowed_cache_controls: [],
    config: {},
    permissions: {},
    model_max_budget: {},
    model_rpm_limit: null,
    model_tpm_limit: null,
    guardrails: null,
    prompts: null,
    blocked: null,
    aliases: {},
    object_permission: null,
    key: minted?.key ?? "",
    key_name: key?.key_name ?? null,
    expires: isoOrNull(key?.expires ?? null),
    token_id: null,
    organization_id: null,
    litellm_budget_table: null,
    token: null,
    created_by: key?.created_by ?? null,
    updated_by: key?.updated_by ?? null,
    created_at: isoOrNull(key?.created_at ?? null),
    updated_at: isoOrNull(key?.updated_at ?? null),
    user_email: user.user_email,
    user_role: user.user_role,
    teams: null,
    user_alias: user.user_alias,
  };
}

function isNonEmptyObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && Object.keys(value).length > 0;
}
