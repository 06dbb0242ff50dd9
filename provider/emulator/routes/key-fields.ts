// Turning /key/generate and /key/update bodies into key-row fields.

import { wrappedServerError } from "../errors";
import { Reply } from "../http-types";
import type { KeyRow } from "../rows";
import { DurationError, keyExpiry, nextBudgetReset } from "../time";
import type { ModelValues } from "../validation/model";
import { negativeBudget } from "./key-errors";

/** Key columns a request may set directly. */
const KEY_COLUMNS = [
  "key_alias", "models", "spend", "max_budget", "user_id", "team_id", "max_parallel_requests", "metadata", "tpm_limit",
  "rpm_limit", "budget_duration", "allowed_cache_controls", "config", "permissions", "model_max_budget", "blocked",
  "aliases", "allowed_routes",
] as const;

/** Only the fields present and non-null in the body, plus the derived expires / budget_reset_at. */
export function keyFieldsFrom(body: ModelValues, now: number): Partial<KeyRow> {
  if (typeof body.max_budget === "number" && body.max_budget < 0) throw new Reply(negativeBudget(body.max_budget));
  const fields: Record<string, unknown> = {};
  for (const column of KEY_COLUMNS) if (body[column] !== undefined && body[column] !== null) fields[column] = body[column];
  try {
    if (typeof body.duration === "string") fields.expires = keyExpiry(body.duration, now);
    if (typeof body.budget_duration === "string") fields.budget_reset_at = nextBudgetReset(body.budget_duration, now);
  } catch (e) {
    if (e instanceof DurationError) throw new Reply(wrappedServerError(e.message));
    throw e;
  }
  return fields as Partial<KeyRow>;
}
