// /organization/member_add (POST), member_update (PATCH) and member_delete (DELETE).
// member_add is wrapped like the key endpoints: HTTPExceptions become ProxyExceptions of type auth_error with
// str(detail) as message; anything else a 500 "Authentication Error, ...". It creates users it does not know
// (internal_user) and takes max_budget_in_organization without applying it. member_update and member_delete
// raise raw HTTPExceptions.

import { fastapiDetail, proxyError } from "../errors";
import { blankBudget, budgetRowView, orgMembershipView, type OrgMembershipRow, type OrgRole } from "../governance-rows";
import { jsonResponse, Reply } from "../http-types";
import { pythonRepr } from "../python-repr";
import { blankUser, userRowView, type UserRow } from "../rows";
import { validateBody } from "../validation/model";
import { orgMemberAddRequest, orgMemberDeleteRequest, orgMemberUpdateRequest, requireOrgMemberIdentity } from "../validation/governance-requests";
import type { RouteContext, RouteHandler } from "./context";

interface OrgMember {
  user_id: string | null;
  user_email: string | null;
  role: OrgRole;
}

export const organizationMemberAdd: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, orgMemberAddRequest);
  const organizationId = body.organization_id as string;
  if (!ctx.store.organizations.has(organizationId)) {
    return proxyError(404, pythonRepr({ error: `Organization not found for organization_id=${organizationId}` }), "auth_error");
  }
  const members = (Array.isArray(body.member) ? body.member : [body.member]) as OrgMember[];
  const users: Record<string, unknown>[] = [];
  const memberships: Record<string, unknown>[] = [];
  for (const member of members) {
    const user = findOrCreateUser(ctx, member);
    if (ctx.store.getOrgMembership(organizationId, user.user_id)) {
      return proxyError(
        500,
        `Authentication Error, Error adding member=${pythonRepr(member)} to organization=${organizationId}: Unique constraint failed on the fields: (\`user_id\`,\`organization_id\`)`,
        "auth_error",
      );
    }
    const now = ctx.now();
    const row: OrgMembershipRow = { user_id: user.user_id, organization_id: organizationId, user_role: member.role, spend: 0, budget_id: null, created_at: now, updated_at: now };
    ctx.store.putOrgMembership(row);
    users.push(userRowView(user));
    memberships.push(orgMembershipView(row));
  }
  return jsonResponse(200, { organization_id: organizationId, updated_users: users, updated_organization_memberships: memberships });
};

function findOrCreateUser(ctx: RouteContext, member: OrgMember): UserRow {
  const byId = member.user_id !== null ? ctx.store.getUser(member.user_id) : undefined;
  const byEmail = member.user_email !== null ? ctx.store.findUsersByEmail(member.user_email)[0] : undefined;
  const found = byEmail ?? byId;
  if (found) return found;
  const user = blankUser(member.user_id ?? ctx.newUserId(), ctx.now());
  user.user_email = member.user_email;
  user.user_role = "internal_user";
  ctx.store.putUser(user);
  return user;
}

/** The member named by user_id, or by user_email resolved to its user. */
function memberOf(ctx: RouteContext, organizationId: string, body: Record<string, unknown>): OrgMembershipRow | undefined {
  const userId = (body.user_id as string | null | undefined) ?? (body.user_email ? ctx.store.findUsersByEmail(body.user_email as string)[0]?.user_id : undefined);
  return userId ? ctx.store.getOrgMembership(organizationId, userId) : undefined;
}

export const organizationMemberUpdate: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, orgMemberUpdateRequest, requireOrgMemberIdentity);
  const organizationId = body.organization_id as string;
  if (!ctx.store.organizations.has(organizationId)) {
    throw new Reply(fastapiDetail(400, { error: `Organization not found for organization_id=${organizationId}` }));
  }
  const row = memberOf(ctx, organizationId, body);
  if (!row) throw new Reply(fastapiDetail(404, { error: `Member not found in organization for user_id=${String(body.user_id ?? null)}` }));
  const now = ctx.now();
  if (typeof body.role === "string") row.user_role = body.role as OrgRole;
  if (typeof body.max_budget_in_organization === "number") {
    let budget = row.budget_id === null ? undefined : ctx.store.budgets.get(row.budget_id);
    if (!budget) {
      budget = blankBudget(ctx.newUserId(), now, ctx.caller.userId);
      ctx.store.budgets.set(budget.budget_id, budget);
      row.budget_id = budget.budget_id;
    }
    budget.max_budget = body.max_budget_in_organization;
    budget.updated_at = now;
  }
  row.updated_at = now;
  const budget = row.budget_id === null ? undefined : ctx.store.budgets.get(row.budget_id);
  const user = ctx.store.getUser(row.user_id);
  return jsonResponse(200, { ...orgMembershipView(row), litellm_budget_table: budget ? budgetRowView(budget) : null, user_email: user?.user_email ?? null });
};

export const organizationMemberDelete: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, orgMemberDeleteRequest, requireOrgMemberIdentity);
  const organizationId = body.organization_id as string;
  const row = memberOf(ctx, organizationId, body);
  if (!row) return jsonResponse(200, null);
  ctx.store.deleteOrgMembership(organizationId, row.user_id);
  if (row.budget_id !== null) ctx.store.budgets.delete(row.budget_id);
  return jsonResponse(200, orgMembershipView(row));
};
