// POST /user/update (reference §4): a partial update that is really an upsert, with LiteLLM's quirks:
// null, [] and {} are ignored (except max_budget: null in current mode), metadata replaces the whole object,
// and every failure is rewritten to type auth_error (non-HTTP failures become 400 "Authentication Error, ...").

import { createHash } from "node:crypto";
import { proxyError } from "../errors";
import { jsonResponse, Reply } from "../http-types";
import { blankUser, USER_COLUMNS, userRowView, type UserRow } from "../rows";
import { DurationError, nextBudgetReset } from "../time";
import { validateBody, type ModelValues } from "../validation/model";
import { requireUserIdentity, updateUserRequest } from "../validation/requests";
import type { RouteContext, RouteHandler } from "./context";
import { checkBudgetDuration } from "./budget-duration-check";
import { pythonRepr } from "../python-repr";

/** Request fields LiteLLM moves into metadata instead of writing them to a column (prepare_metadata_fields). */
const METADATA_FIELDS = new Set(["model_rpm_limit", "model_tpm_limit", "guardrails", "tags"]);
/** Request fields LiteLLM drops before the write. */
const DROPPED_FIELDS = new Set(["send_invite_email", "object_permission"]);

export const userUpdate: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, updateUserRequest(ctx.legacy), requireUserIdentity);
  // The endpoint turns an HTTPException into an auth_error ProxyException whose message is str(detail).
  checkBudgetDuration(body, ctx, (detail) => proxyError(400, pythonRepr(detail), "auth_error"));
  const changes = nonDefaultValues(body, ctx.legacy);
  const now = ctx.now();
  if (typeof changes.password === "string") changes.password = createHash("sha256").update(changes.password).digest("hex");
  if (typeof changes.budget_duration === "string") changes.budget_reset_at = resetOrFail(changes.budget_duration, now);
  const target = resolveTarget(ctx, body);
  moveIntoMetadata(changes, target.existing);
  rejectNonColumns(changes);

  const base = target.existing ?? blankUser(target.userId, now);
  const row: UserRow = { ...base, ...(changes as Partial<UserRow>), user_id: target.userId, updated_at: now };
  ctx.store.putUser(row);
  return jsonResponse(200, { user_id: row.user_id, data: userRowView(row) });
};

/** _update_internal_user_params: keep only fields that carry a value. */
function nonDefaultValues(body: ModelValues, legacy: boolean): ModelValues {
  const changes: ModelValues = {};
  for (const [field, value] of Object.entries(body)) {
    if (DROPPED_FIELDS.has(field)) continue;
    if (field === "max_budget" && value === null && !legacy) {
      changes.max_budget = null;
      continue;
    }
    if (isEmpty(value)) continue;
    changes[field] = value;
  }
  return changes;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value as object).length === 0;
}

interface Target {
  userId: string;
  existing: UserRow | undefined;
}

/** By user_id: upsert on that id. By email alone: the first user with exactly that email, else a new uuid. */
function resolveTarget(ctx: RouteContext, body: ModelValues): Target {
  const userId = body.user_id as string | null | undefined;
  if (userId != null) return { userId, existing: ctx.store.getUser(userId) };
  const email = body.user_email as string;
  const existing = ctx.store.findUsersByEmail(email).find((u) => u.user_email === email);
  return existing ? { userId: existing.user_id, existing } : { userId: ctx.newUserId(), existing: undefined };
}

function moveIntoMetadata(changes: ModelValues, existing: UserRow | undefined): void {
  const moved = Object.keys(changes).filter((f) => METADATA_FIELDS.has(f));
  if (moved.length === 0) return;
  const metadata = { ...((changes.metadata as Record<string, unknown> | undefined) ?? existing?.metadata ?? {}) };
  for (const field of moved) {
    metadata[field] = changes[field];
    delete changes[field];
  }
  changes.metadata = metadata;
}

/** Prisma rejects the whole upsert when the data names a field the table does not have. */
function rejectNonColumns(changes: ModelValues): void {
  const field = Object.keys(changes).find((f) => !USER_COLUMNS.has(f));
  if (field !== undefined) throw new Reply(rewritten(`Could not find field at \`upsertOneLiteLLM_UserTable.create.${field}\``));
}

function resetOrFail(duration: string, now: number): number {
  try {
    return nextBudgetReset(duration, now);
  } catch (e) {
    if (e instanceof DurationError) throw new Reply(rewritten(e.message));
    throw e;
  }
}

function rewritten(message: string) {
  return proxyError(400, `Authentication Error, ${message}`, "auth_error");
}
