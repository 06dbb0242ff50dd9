// litellm_organization_member: one user's place in an organization. Its quirks are in the api functions:
// the user must exist (LiteLLM would create a bare one), an existing membership is never adopted, the
// member's budget is set with member_update (member_add ignores it) and read from its own budget row.
import { declareResource, exactlyOneOf, number, text } from "../../framework/declarative";
import type { HandlerContext } from "../../framework/resource";
import type { TfObject } from "../../values/value";
import type { LiteLLMClient } from "../../litellm/client";
import { budgetsOf } from "../../litellm/budgets";
import { organizationsOf, type OrgRole } from "../../litellm/organizations";
import { describeError } from "../governance-support";

type Ctx = HandlerContext<LiteLLMClient>;

export const orgRoles = ["org_admin", "internal_user", "internal_user_viewer"];

function parseId(id: string): { organizationId: string; userId: string } | undefined {
  const at = id.indexOf(":");
  return at <= 0 || at === id.length - 1 ? undefined : { organizationId: id.slice(0, at), userId: id.slice(at + 1) };
}

/** The membership as one object: the member row, the user's email and the member's budget. */
async function readMember(ctx: Ctx, id: string): Promise<Record<string, unknown> | null> {
  const parsed = parseId(id);
  if (!parsed) return null;
  const org = await organizationsOf(ctx.client).info(parsed.organizationId, ctx.signal);
  const members = Array.isArray(org?.members) ? (org.members as Record<string, unknown>[]) : [];
  const member = members.find((m) => m.user_id === parsed.userId);
  if (!member) return null;
  const budget = typeof member.budget_id === "string" ? await budgetsOf(ctx.client).info(member.budget_id, ctx.signal) : null;
  const user = await ctx.client.userInfo(parsed.userId, ctx.signal);
  return { ...member, user_email: user?.user.user_email ?? null, max_budget_in_organization: budget?.max_budget ?? null };
}

/** The user's id: the one configured, or the one user with exactly that email. Both must exist already. */
async function resolveUser(ctx: Ctx, planned: TfObject): Promise<string> {
  if (typeof planned.user_id === "string") {
    if (await ctx.client.userInfo(planned.user_id, ctx.signal)) return planned.user_id;
    throw new Error(`LiteLLM has no user with user_id ${JSON.stringify(planned.user_id)}. Create it first (litellm_user); LiteLLM would otherwise create a bare user for it.`);
  }
  const email = planned.user_email as string;
  const users = (await ctx.client.findUsersByEmail(email, ctx.signal)).filter((u) => u.user_email === email);
  if (users.length === 1) return users[0]!.user_id;
  throw new Error(
    users.length
      ? `several LiteLLM users have the email ${JSON.stringify(email)} (${users.map((u) => u.user_id).join(", ")}); use user_id.`
      : `no LiteLLM user has the email ${JSON.stringify(email)} (matched exactly). Create it first (litellm_user), or use user_id.`,
  );
}

export const organizationMemberResource = declareResource<LiteLLMClient>({
  typeName: "litellm_organization_member",
  noun: "organization member",
  attributes: {
    organization_id: { codec: text(), forceNew: true },
    user_id: { codec: text(), forceNew: true, serverDefault: true },
    user_email: { codec: text(), forceNew: true, serverDefault: true },
    role: { codec: text(), field: "user_role", default: "internal_user" },
    max_budget_in_organization: { codec: number(), whenRemoved: "keep" },
  },
  constraints: {
    organization_id: { schema: { minLength: 1, pattern: "^[^:]+$" }, expectation: 'must be an organization ID (it has no ":")' },
    user_id: { schema: { minLength: 1 }, expectation: "must not be empty" },
    user_email: { schema: { minLength: 1 }, expectation: "must not be empty" },
    role: { schema: { enum: orgRoles }, expectation: `must be one of: ${orgRoles.join(", ")}` },
    max_budget_in_organization: { schema: { minimum: 0 }, expectation: "must be 0 or more US dollars" },
  },
  checks: [exactlyOneOf(["user_id", "user_email"], "choose the user to add to the organization")],
  describeError,
  importId: (id) =>
    parseId(id.trim()) ? { id: id.trim() } : { error: `Import an organization membership as organization_id:user_id. Got ${JSON.stringify(id)}.` },
  api: {
    async create(ctx, _body, planned) {
      const organizationId = planned.organization_id as string;
      const userId = await resolveUser(ctx, planned);
      const id = `${organizationId}:${userId}`;
      if (await readMember(ctx, id)) {
        throw new Error(`the user ${userId} is already a member of organization ${organizationId}. Import the membership with \`terraform import <address> ${id}\`.`);
      }
      const orgs = organizationsOf(ctx.client);
      await orgs.addMember(organizationId, userId, planned.role as OrgRole, ctx.signal);
      if (typeof planned.max_budget_in_organization === "number") {
        await orgs.updateMember(organizationId, userId, { maxBudget: planned.max_budget_in_organization }, ctx.signal);
      }
      return id;
    },
    read: readMember,
    async update(ctx, id, body) {
      const { organizationId, userId } = parseId(id)!;
      const change = { role: body.user_role as OrgRole | undefined, maxBudget: body.max_budget_in_organization as number | undefined };
      await organizationsOf(ctx.client).updateMember(organizationId, userId, change, ctx.signal);
    },
    async delete(ctx, id) {
      const { organizationId, userId } = parseId(id)!;
      return organizationsOf(ctx.client).deleteMember(organizationId, userId, ctx.signal);
    },
  },
});
