// litellm_organization_member: one user's place in an organization. Its quirks are in the api functions:
// the user must exist and an existing membership is never adopted (../membership.ts), the
// member's budget is set with member_update (member_add ignores it) and read from its own budget row.
import { declareResource, exactlyOneOf, number, Refusal, text } from "../../framework/declarative";
import type { HandlerContext } from "../../framework/resource";
import type { LiteLLMClient } from "../../litellm/client";
import { budgetsOf } from "../../litellm/budgets";
import { organizationsOf, type OrgRole } from "../../litellm/organizations";
import { describeLiteLLMError } from "../api-errors";
import { alreadyMemberText, membershipAttributes, membershipConstraints, parseMembershipId, resolveMemberUser } from "../membership";

type Ctx = HandlerContext<LiteLLMClient>;

export const orgRoles = ["org_admin", "internal_user", "internal_user_viewer"];

/** The membership as one object: the member row, the user's email and the member's budget. */
async function readMember(ctx: Ctx, id: string): Promise<Record<string, unknown> | null> {
  const parsed = parseMembershipId(id);
  if (!parsed) return null;
  const org = await organizationsOf(ctx.client).info(parsed.groupId, ctx.signal);
  const members = Array.isArray(org?.members) ? (org.members as Record<string, unknown>[]) : [];
  const member = members.find((m) => m.user_id === parsed.userId);
  if (!member) return null;
  const budget = typeof member.budget_id === "string" ? await budgetsOf(ctx.client).info(member.budget_id, ctx.signal) : null;
  const user = await ctx.client.userInfo(parsed.userId, ctx.signal);
  return { ...member, user_email: user?.user.user_email ?? null, max_budget_in_organization: budget?.max_budget ?? null };
}

export const organizationMemberResource = declareResource<LiteLLMClient>({
  typeName: "litellm_organization_member",
  noun: "organization member",
  attributes: {
    ...membershipAttributes("organization_id"),
    role: { codec: text(), field: "user_role", default: "internal_user" },
    max_budget_in_organization: { codec: number(), whenRemoved: "keep" },
  },
  constraints: {
    ...membershipConstraints("organization_id", "organization"),
    role: { schema: { enum: orgRoles }, expectation: `must be one of: ${orgRoles.join(", ")}` },
    max_budget_in_organization: { schema: { minimum: 0 }, expectation: "must be 0 or more US dollars" },
  },
  checks: [exactlyOneOf(["user_id", "user_email"], "choose the user to add to the organization")],
  describeError: describeLiteLLMError,
  importId: (id) =>
    parseMembershipId(id.trim()) ? { id: id.trim() } : { error: `Import an organization membership as organization_id:user_id. Got ${JSON.stringify(id)}.` },
  api: {
    async create(ctx, _body, planned) {
      const organizationId = planned.organization_id as string;
      const { user_id: userId } = await resolveMemberUser(ctx, planned);
      const id = `${organizationId}:${userId}`;
      if (await readMember(ctx, id)) throw new Refusal("Already An Organization Member", alreadyMemberText("organization", organizationId, userId), "user_id");
      const orgs = organizationsOf(ctx.client);
      await orgs.addMember(organizationId, userId, planned.role as OrgRole, ctx.signal);
      if (typeof planned.max_budget_in_organization === "number") {
        await orgs.updateMember(organizationId, userId, { maxBudget: planned.max_budget_in_organization }, ctx.signal);
      }
      return id;
    },
    read: readMember,
    async update(ctx, id, body) {
      const { groupId: organizationId, userId } = parseMembershipId(id)!;
      const change = { role: body.user_role as OrgRole | undefined, maxBudget: body.max_budget_in_organization as number | undefined };
      await organizationsOf(ctx.client).updateMember(organizationId, userId, change, ctx.signal);
    },
    async delete(ctx, id) {
      const { groupId: organizationId, userId } = parseMembershipId(id)!;
      return organizationsOf(ctx.client).deleteMember(organizationId, userId, ctx.signal);
    },
  },
});
