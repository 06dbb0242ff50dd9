// The /team/member_* errors whose wording is long or shared.

import { fastapiDetail, proxyError } from "../errors";
import type { TeamMember } from "../team-rows";
import { membersRepr } from "./team-membership";

export const NOT_PREMIUM =
  "You must be a LiteLLM Enterprise user to use this feature. If you have a license please set `LITELLM_LICENSE` in your env. " +
  "Get a 7 day trial key here: https://www.litellm.ai/#trial. Pricing: https://www.litellm.ai/#pricing";

/** /team/member_add: the ValueError's text inside {"error": ...}. */
export function adminNeedsLicence(members: TeamMember[], single: boolean) {
  const admin = members.find((m) => m.role === "admin")!;
  const text = single
    ? `Assigning team admins is a premium feature. ${NOT_PREMIUM}`
    : `Assigning team admins is a premium feature. Got=${memberStr(admin)}. ${NOT_PREMIUM}. `;
  return fastapiDetail(400, { error: text });
}

/** /team/member_update raises the same text as a plain string detail. */
export function adminNeedsLicenceOnUpdate() {
  return fastapiDetail(400, `Assigning team admins is a premium feature. ${NOT_PREMIUM}`);
}

export function alreadyInTeam(member: TeamMember, existing: TeamMember[]) {
  const text = `User already in team. Member: user_id=${member.user_id ?? "None"}, user_email=${member.user_email ?? "None"}. Existing members=${membersRepr(existing)}`;
  return proxyError(400, text, "team_member_already_in_team", "member");
}

export function allAlreadyInTeam(existing: TeamMember[]) {
  return proxyError(400, `All users are already in team. Existing members=${membersRepr(existing)}`, "team_member_already_in_team", "member");
}

export function teamNotInDb(teamId: string) {
  return fastapiDetail(400, { error: `Team id=${teamId} does not exist in db` });
}

/** str() of a pydantic model: field=value pairs, strings quoted. */
export function memberStr(m: TeamMember): string {
  const v = (x: string | null) => (x === null ? "None" : `'${x}'`);
  return `user_id=${v(m.user_id)} user_email=${v(m.user_email)} role='${m.role}'`;
}
