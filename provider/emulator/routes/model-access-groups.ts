// Model access groups (model_access_group_management_endpoints.py; docs/litellm-api.md, "Model access groups").
// A group has no row of its own: it is a name in the model_info.access_groups of DB deployments, and exists
// while one carries it. Errors are unwrapped HTTPExceptions, {"detail": {"error": "..."}}. Writes are not
// atomic: update strips the name from every deployment before tagging the new set, and a deployment id that is
// not found stops the tagging half way (LiteLLM answers 400 with the group already changed).
// Legacy (≤ 1.80.7) request models have model_names only (required) and no spend or budget in the info.

import { fastapiDetail } from "../errors";
import { jsonResponse, Reply } from "../http-types";
import type { ModelRow } from "../model-rows";
import { list, str } from "../validation/coerce";
import { validateBody, type ModelSpec, type ModelValues } from "../validation/model";
import type { RouteContext, RouteHandler } from "./context";

const fail = (status: number, error: string) => new Reply(fastapiDetail(status, { error }));

const membership = (legacy: boolean): ModelSpec =>
  legacy
    ? { model_names: { coerce: list, items: str, nullable: false, required: true } }
    : { model_names: { coerce: list, items: str }, model_ids: { coerce: list, items: str } };

const groupsOf = (row: ModelRow): string[] => (Array.isArray(row.model_info.access_groups) ? (row.model_info.access_groups as string[]) : []);

/** get_all_access_groups_from_db: group → the model_name of each deployment carrying it. */
export function allGroups(ctx: RouteContext): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const row of ctx.store.models.values()) {
    for (const g of groupsOf(row)) out.set(g, [...(out.get(g) ?? []), row.model_name]);
  }
  return out;
}

function infoOf(ctx: RouteContext, group: string, names: string[]): Record<string, unknown> {
  const info: Record<string, unknown> = { access_group: group, model_names: [...new Set(names)].sort(), deployment_count: names.length };
  return ctx.legacy ? info : { ...info, spend: 0.0, budget: null };
}

/** Adds or removes the name on one deployment; true when it changed. */
function setMember(ctx: RouteContext, row: ModelRow, group: string, member: boolean): boolean {
  const groups = groupsOf(row);
  if (groups.includes(group) === member) return false;
  const next = member ? [...groups, group] : groups.filter((g) => g !== group);
  ctx.store.models.set(row.model_id, { ...row, model_info: { ...row.model_info, access_groups: next }, updated_at: ctx.now(), updated_by: ctx.caller.userId });
  return true;
}

interface Membership {
  names: string[] | null;
  ids: string[] | null;
}

function membershipOf(body: ModelValues): Membership {
  const nonEmpty = (v: unknown) => (Array.isArray(v) && v.length > 0 ? (v as string[]) : null);
  const m = { names: nonEmpty(body.model_names), ids: nonEmpty(body.model_ids) };
  if (!m.names && !m.ids) throw fail(400, "Either model_names or model_ids must be provided and non-empty");
  return m;
}

/** The router check of the model_names path (model_ids wins when both are sent, and skips it). */
function checkNamesExist(ctx: RouteContext, m: Membership): void {
  if (m.ids || !m.names) return;
  const known = new Set([...ctx.store.models.values()].map((r) => r.model_name));
  const missing = m.names.filter((n) => !known.has(n));
  if (missing.length) throw fail(400, `Model(s) not found: ${missing.join(", ")}`);
}

/** Tags the deployments: the given ids one by one (stopping at an unknown one), else every deployment of the names. */
function tag(ctx: RouteContext, group: string, m: Membership): number {
  let updated = 0;
  if (m.ids) {
    for (const id of m.ids) {
      const row = ctx.store.models.get(id);
      if (!row) throw fail(400, `Deployment with model_id '${id}' not found in Database.`);
      if (setMember(ctx, row, group, true)) updated++;
    }
    return updated;
  }
  for (const row of [...ctx.store.models.values()]) if (m.names!.includes(row.model_name) && setMember(ctx, row, group, true)) updated++;
  return updated;
}

function stripEverywhere(ctx: RouteContext, group: string): number {
  let updated = 0;
  for (const row of [...ctx.store.models.values()]) if (setMember(ctx, row, group, false)) updated++;
  return updated;
}

function answer(ctx: RouteContext, group: string, body: ModelValues, updated: number): Record<string, unknown> {
  const names = body.model_names ?? null;
  return ctx.legacy ? { access_group: group, model_names: names, models_updated: updated } : { access_group: group, model_names: names, model_ids: body.model_ids ?? null, models_updated: updated };
}

function existing(ctx: RouteContext, group: string): void {
  if (!allGroups(ctx).has(group)) throw fail(404, `Access group '${group}' not found`);
}

export const accessGroupNew: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, { access_group: { coerce: str, nullable: false, required: true }, ...membership(ctx.legacy) });
  const group = body.access_group as string;
  if (!group.trim()) throw fail(400, "access_group is required and cannot be empty");
  const m = membershipOf(body);
  checkNamesExist(ctx, m);
  if (allGroups(ctx).has(group)) throw fail(409, `Access group '${group}' already exists. Use PUT /access_group/${group}/update to modify it.`);
  return jsonResponse(200, answer(ctx, group, body, tag(ctx, group, m)));
};

export const accessGroupList: RouteHandler = (_req, ctx) => {
  const groups = [...allGroups(ctx)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return jsonResponse(200, { access_groups: groups.map(([g, names]) => infoOf(ctx, g, names)) });
};

export const accessGroupInfo: RouteHandler = (req, ctx) => {
  const group = req.pathParams?.[0] ?? "";
  const names = allGroups(ctx).get(group);
  if (!names) throw fail(404, `Access group '${group}' not found`);
  return jsonResponse(200, infoOf(ctx, group, names));
};

export const accessGroupUpdate: RouteHandler = (req, ctx) => {
  const group = req.pathParams?.[0] ?? "";
  const body = validateBody(req.body, membership(ctx.legacy));
  const m = membershipOf(body);
  existing(ctx, group);
  checkNamesExist(ctx, m);
  stripEverywhere(ctx, group);
  return jsonResponse(200, answer(ctx, group, body, tag(ctx, group, m)));
};

export const accessGroupDelete: RouteHandler = (req, ctx) => {
  const group = req.pathParams?.[0] ?? "";
  existing(ctx, group);
  const updated = stripEverywhere(ctx, group);
  return jsonResponse(200, { access_group: group, models_updated: updated, message: `Access group '${group}' deleted successfully` });
};
