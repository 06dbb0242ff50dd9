// Turning /key/generate and /key/update bodies into key-row fields.

import { wrappedServerError } from "../errors";
import { Reply } from "../http-types";
import type { KeyRow } from "../rows";
import { DurationError, keyExpiry, nextBudgetReset } from "../time";
import type { ModelValues } from "../validation/model";
import { negativeBudget } from "./key-errors";
import { keyMetadataFrom } from "./key-metadata-fields";

/** Key columns a request may set directly. */
const KEY_COLUMNS = [
  "key_alias", "models", "spend", "max_budget", "user_id", "team_id", "max_parallel_requests", "tpm_limit",
  "rpm_limit", "budget_duration", "allowed_cache_controls", "config", "permissions", "model_max_budget", "blocked",
  "aliases", "allowed_routes", "organization_id", "budget_id",
] as const;

/** Nullable key columns: /key/update writes an explicit null (exclude_unset, not exclude_none). */
const NULLABLE_ON_UPDATE = new Set<string>([
  "key_alias", "max_budget", "user_id", "team_id", "max_parallel_requests", "tpm_limit", "rpm_limit", "budget_duration",
  "blocked", "organization_id", "budget_id",
]);

/**
 * Only the fields present and non-null in the body (on update, explicit nulls of nullable columns too), plus the derived expires / budget_reset_at and the
 * metadata that LiteLLM-owned fields (tags, per-model limits...) are moved into.
 */
export function keyFieldsFrom(body: ModelValues, now: number, enterprise: boolean, stored?: KeyRow): Partial<KeyRow> {
  if (typeof body.max_budget === "number" && body.max_budget < 0) throw new Reply(negativeBudget(body.max_budget));
  const fields: Record<string, unknown> = {};
  for (const column of KEY_COLUMNS) {
    if (body[column] !== undefined && (body[column] !== null || (stored && NULLABLE_ON_UPDATE.has(column)))) fields[column] = body[column];
  }
  const metadata = keyMetadataFrom(body, stored?.metadata, enterprise);
  if (metadata !== undefined) fields.metadata = metadata;
  // duration null or "-1" on update: the key never expires.
  if (stored && "duration" in body && (body.duration === null || body.duration === "-1")) fields.expires = null;
  try {
    if (typeof body.duration === "string" && body.duration !== "-1") fields.expires = keyExpiry(body.duration, now);
    if (typeof body.budget_duration === "string") fields.budget_reset_at = nextBudgetReset(body.budget_duration, now);
  } catch (e) {
    if (e instanceof DurationError) throw new Reply(wrappedServerError(e.message));
    throw e;
  }
  return fields as Partial<KeyRow>;
}
