// PATCH /organization/update: other fields are written when not null, models replaced, metadata merged into
// the stored one (null values skipped, so keys are never removed), and non-null budget fields written to
// the linked budget (they cannot be cleared here). An unknown id raises a bare ValueError: a plain 500.

import { organizationWithMembersView } from "../governance-views";
import { jsonResponse } from "../http-types";
import { validateBody } from "../validation/model";
import { updateOrganizationRequest } from "../validation/governance-requests";
import { writeBudgetColumns } from "./budget-writes";
import type { RouteHandler } from "./context";
import { checkNotNegative } from "./organization-new";
import { internalServerError } from "./plain-errors";

export const organizationUpdate: RouteHandler = (req, ctx) => {
  // The UI sends budget fields nested in litellm_budget_table; LiteLLM flattens them first.
  if (req.body.kind === "json" && req.body.value && typeof req.body.value === "object" && !Array.isArray(req.body.value)) {
    const raw = req.body.value as Record<string, unknown>;
    const nested = raw.litellm_budget_table;
    if (nested && typeof nested === "object" && !Array.isArray(nested)) {
      delete raw.litellm_budget_table;
      for (const [k, v] of Object.entries(nested)) if (!(k in raw)) raw[k] = v;
    }
  }
  const body = validateBody(req.body, updateOrganizationRequest);
  checkNotNegative(body);
  const row = ctx.store.organizations.get(body.organization_id as string);
  if (!row) return internalServerError();
  const now = ctx.now();
  if (typeof body.organization_alias === "string") row.organization_alias = body.organization_alias;
  if (Array.isArray(body.models)) row.models = body.models as string[];
  if (typeof body.budget_id === "string") row.budget_id = body.budget_id;
  if (body.metadata && typeof body.metadata === "object") row.metadata = mergeDictionary({ ...row.metadata }, body.metadata as Record<string, unknown>);
  const budget = ctx.store.budgets.get(row.budget_id);
  if (budget) writeBudgetColumns(budget, body, now, { skipNull: true });
  row.updated_at = now;
  row.updated_by = ctx.caller.userId;
  return jsonResponse(200, organizationWithMembersView(ctx.store, row));
};

/** LiteLLM's _update_dictionary: nulls skipped, numeric strings become numbers, nested objects merged one level. */
function mergeDictionary(existing: Record<string, unknown>, incoming: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(incoming)) {
    if (v === null) continue;
    if (typeof v === "string") existing[k] = numericString(v);
    else if (typeof v === "object" && !Array.isArray(v) && existing[k] && typeof existing[k] === "object" && !Array.isArray(existing[k])) {
      existing[k] = { ...(existing[k] as Record<string, unknown>), ...(v as Record<string, unknown>) };
    } else existing[k] = v;
  }
  return existing;
}

function numericString(v: string): unknown {
  if (v.trim() === "" || !Number.isFinite(Number(v))) return v;
  const n = Number(v);
  return n;
}
