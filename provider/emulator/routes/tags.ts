// /tag/new, /tag/update, /tag/info, /tag/list and /tag/delete. Every handler turns any error into
// HTTPException(500, str(e)), and str() of an HTTPException is "<status>: <detail>", so a duplicate or a
// missing tag answers 500 {"detail": "400: Tag x already exists"}. Update replaces description and models
// (left out: null and []). No licence is checked. The emulator holds no model deployments, so model_info
// stays {} and no deployment is tagged.

import { fastapiDetail } from "../errors";
import { blankBudget, type TagRow } from "../governance-rows";
import { tagView } from "../governance-views";
import { jsonResponse, Reply } from "../http-types";
import { pythonRepr } from "../python-repr";
import { validateBody, type ModelValues } from "../validation/model";
import { tagDeleteRequest, tagInfoRequest, tagNewRequest } from "../validation/governance-requests";
import { hasBudgetColumns, writeBudgetColumns } from "./budget-writes";
import type { RouteContext, RouteHandler } from "./context";

const wrapped = (status: number, detail: string) => new Reply(fastapiDetail(500, `${status}: ${detail}`));

/** handle_budget_for_entity: link a given budget_id, else write the budget fields to the linked (or a new) budget. */
function budgetFor(ctx: RouteContext, body: ModelValues, existing: string | null): string | null {
  if (typeof body.budget_id === "string") return body.budget_id;
  if (!hasBudgetColumns(body)) return existing;
  const now = ctx.now();
  let budget = existing === null ? undefined : ctx.store.budgets.get(existing);
  if (!budget) {
    budget = blankBudget(ctx.newUserId(), now, ctx.caller.userId);
    ctx.store.budgets.set(budget.budget_id, budget);
  }
  writeBudgetColumns(budget, body, now, { skipNull: true, computeReset: true });
  return budget.budget_id;
}

export const tagNew: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, tagNewRequest);
  const name = body.name as string;
  if (ctx.store.tags.has(name)) throw wrapped(400, `Tag ${name} already exists`);
  const now = ctx.now();
  const row: TagRow = {
    tag_name: name,
    description: (body.description as string | null | undefined) ?? null,
    models: (body.models as string[] | null | undefined) ?? [],
    model_info: {},
    spend: 0,
    budget_id: budgetFor(ctx, body, null),
    created_at: now,
    created_by: ctx.caller.userId,
    updated_at: now,
  };
  ctx.store.tags.set(name, row);
  return jsonResponse(200, { message: `Tag ${name} created successfully`, tag: tagView(ctx.store, row, false) });
};

export const tagUpdate: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, tagNewRequest);
  const name = body.name as string;
  const row = ctx.store.tags.get(name);
  if (!row) throw wrapped(404, `Tag ${name} not found`);
  row.budget_id = budgetFor(ctx, body, row.budget_id);
  row.description = (body.description as string | null | undefined) ?? null;
  row.models = (body.models as string[] | null | undefined) ?? [];
  row.updated_at = ctx.now();
  return jsonResponse(200, { message: `Tag ${name} updated successfully`, tag: tagView(ctx.store, row, false) });
};

export const tagInfo: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, tagInfoRequest);
  const names = body.names as string[];
  const missing = names.filter((n) => !ctx.store.tags.has(n));
  if (missing.length > 0) throw wrapped(404, `Tags not found: ${pythonRepr(missing)}`);
  const out: Record<string, unknown> = {};
  for (const n of names) out[n] = tagView(ctx.store, ctx.store.tags.get(n)!, true);
  return jsonResponse(200, out);
};

export const tagList: RouteHandler = (_req, ctx) => jsonResponse(200, [...ctx.store.tags.values()].map((t) => tagView(ctx.store, t, true)));

export const tagDelete: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, tagDeleteRequest);
  const name = body.name as string;
  if (!ctx.store.tags.has(name)) throw wrapped(404, `Tag ${name} not found`);
  ctx.store.tags.delete(name);
  return jsonResponse(200, { message: `Tag ${name} deleted successfully` });
};
