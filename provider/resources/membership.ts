// What team and organization memberships share: the member's user must exist already (LiteLLM would create a
// bare user for an unknown user_id or email, which nothing owns), an email names exactly one user, and a
// membership that exists already is never adopted silently but refused with the import that adopts it.
import type { TfObject } from "../values/value";
import { attributePath, type Diagnostics } from "../framework/diagnostics";
import { Refusal, text, type AttributeDeclaration } from "../framework/declarative";
import type { HandlerContext } from "../framework/resource";
import type { AttributeConstraints } from "../framework/validation";
import type { LiteLLMClient } from "../litellm/client";
import { emailsEquivalent } from "./seed-semantics";

/**
 * The group's id and the member's user: either may replace the membership. user_id and user_email are the
 * user's when the configuration names it by the other.
 */
export function membershipAttributes(groupId: string): Record<string, AttributeDeclaration> {
  return {
    [groupId]: { codec: text(), forceNew: true },
    user_id: { codec: text(), forceNew: true, serverDefault: true },
    user_email: { codec: text(), forceNew: true, serverDefault: true },
  };
}

/** The group's id attribute (no ":", it starts the membership id) and the member's user attributes. */
export function membershipConstraints(groupId: string, group: string): AttributeConstraints {
  return {
    [groupId]: { schema: { minLength: 1, pattern: "^[^:]+$" }, expectation: `must be ${/^[aeiou]/.test(group) ? "an" : "a"} ${group} ID (it has no ":")` },
    user_id: { schema: { minLength: 1 }, expectation: "must not be empty" },
    user_email: { schema: { minLength: 1 }, expectation: "must not be empty" },
  };
}

export interface MemberUser {
  user_id: string;
  /** The email as configured, or null. */
  user_email: string | null;
}

/**
 * The planned member's user: by user_id, or the one user with exactly this email. With both (the team member
 * shape of the other providers), an email that is not the user's is a warning: the plan already passed.
 */
export async function resolveMemberUser(ctx: HandlerContext<LiteLLMClient>, planned: TfObject, diagnostics?: Diagnostics): Promise<MemberUser> {
  const userId = typeof planned.user_id === "string" ? planned.user_id : null;
  const email = typeof planned.user_email === "string" ? planned.user_email : null;
  if (userId !== null) {
    const info = await ctx.client.userInfo(userId, ctx.signal);
    if (!info) throw new Refusal("User Not Found", userNotFound(`no user with user_id ${JSON.stringify(userId)}`), "user_id");
    if (email !== null && !emailsEquivalent(info.user.user_email ?? "", email)) {
      diagnostics?.addWarning("User ID And Email Differ", emailMismatch(userId, email, info.user.user_email), attributePath("user_email"));
    }
    return { user_id: userId, user_email: email };
  }
  const users = email === null ? [] : (await ctx.client.findUsersByEmail(email, ctx.signal)).filter((u) => u.user_email === email);
  if (users.length === 1) return { user_id: users[0]!.user_id, user_email: email };
  throw new Refusal(
    users.length ? "Email Is Not Unique" : "User Not Found",
    users.length
      ? `Several LiteLLM users have the email ${JSON.stringify(email)}: ${users.map((u) => u.user_id).join(", ")}. Use user_id.`
      : userNotFound(`no user with the email ${JSON.stringify(email)} (matched exactly)`),
    "user_email",
  );
}

/** The refusal for a user that does not exist, with how to create it and how this provider differs from the others. */
function userNotFound(what: string): string {
  return `LiteLLM has ${what}. Create the user first with a litellm_user resource and refer to it (user_id = litellm_user.<name>.user_id), so that Terraform creates it before the membership and owns it. Unlike the other LiteLLM providers, this one does not let LiteLLM create a bare user for an unknown ID or email: nothing would own or delete that user. See docs/migrating.md.`;
}

export function emailMismatch(userId: string, email: string, actual: string | null): string {
  return `user_id ${JSON.stringify(userId)} and user_email ${JSON.stringify(email)} do not name the same user: LiteLLM's user ${JSON.stringify(userId)} has the email ${actual === null ? "none" : JSON.stringify(actual)}. Give the email of that user, or only one of the two.`;
}

/** Why a membership that exists already is refused, ending with the import that adopts it (`how` says where it came from). */
export function alreadyMemberText(group: "team" | "organization", groupId: string, userId: string, how = ""): string {
  return `The user ${userId} is already a member of ${group} ${groupId}${how}. A membership made outside Terraform can be imported: terraform import <address> ${groupId}:${userId}.`;
}

/** A membership's id, group_id:user_id (also its import id). Team and organization ids have no ":", user ids may. */
export function parseMembershipId(id: string): { groupId: string; userId: string } | undefined {
  const at = id.indexOf(":");
  return at <= 0 || at === id.length - 1 ? undefined : { groupId: id.slice(0, at), userId: id.slice(at + 1) };
}
