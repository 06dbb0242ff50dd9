// POST /key/generate (reference §9). user_id is not checked for existence; aliases must be unique.

import { jsonResponse, Reply } from "../http-types";
import { isoOrNull } from "../time";
import { validateBody } from "../validation/model";
import { generateKeyRequest } from "../validation/requests";
import type { RouteHandler } from "./context";
import { duplicateAlias } from "./key-errors";
import { checkWildcardAccessGroups } from "./key-access-groups";
import { checkKeyModelMaxBudget, softBudgetRow } from "./key-budget";
import { keyFieldsFrom } from "./key-fields";
import { mintKey } from "./key-minting";

export const keyGenerate: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, generateKeyRequest(ctx.legacy));
  checkWildcardAccessGroups(body, ctx);
  const budgetId = softBudgetRow(body, ctx);
  checkKeyModelMaxBudget(body, ctx, false);
  const fields = keyFieldsFrom(body, ctx.now(), ctx.enterprise);
  if (budgetId !== undefined) fields.budget_id = budgetId;
  if (typeof fields.key_alias === "string" && ctx.store.findKeyByAlias(fields.key_alias)) throw new Reply(duplicateAlias(fields.key_alias));
  const { key, row } = mintKey(ctx, fields, typeof body.key === "string" ? body.key : undefined);
  return jsonResponse(200, {
    key_alias: row.key_alias,
    duration: (body.duration as string | null | undefined) ?? null,
    models: row.models,
    spend: row.spend,
    max_budget: row.max_budget,
    user_id: row.user_id,
    team_id: row.team_id,
    max_parallel_requests: row.max_parallel_requests,
    metadata: row.metadata,
    tpm_limit: row.tpm_limit,
    rpm_limit: row.rpm_limit,
    budget_duration: row.budget_duration,
    allowed_cache_controls: row.allowed_cache_controls,
    config: row.config,
    permissions: row.permissions,
    model_max_budget: row.model_max_budget,
    blocked: row.blocked,
    aliases: row.aliases,
    key,
    key_name: row.key_name,
    expires: isoOrNull(row.expires),
    token_id: row.token,
    organization_id: row.organization_id,
    litellm_budget_table: null,
    budget_id: row.budget_id,
    soft_budget: (body.soft_budget as number | null | undefined) ?? null,
    token: row.token,
    created_by: row.created_by,
    updated_by: row.updated_by,
    created_at: isoOrNull(row.created_at),
    updated_at: isoOrNull(row.updated_at),
  });
};
