// /user/new and /user/update take user_role as a Literal of four LitellmUserRoles members (reference §6);
// pydantic names the members by their enum repr in the message.

import type { Coercer } from "./coerce";

export const ASSIGNABLE_ROLES = ["proxy_admin", "proxy_admin_viewer", "internal_user", "internal_user_viewer"] as const;

const EXPECTED =
  "<LitellmUserRoles.PROXY_ADMIN: 'proxy_admin'>, <LitellmUserRoles.PROXY_ADMIN_VIEW_ONLY: 'proxy_admin_viewer'>, " +
  "<LitellmUserRoles.INTERNAL_USER: 'internal_user'> or <LitellmUserRoles.INTERNAL_USER_VIEW_ONLY: 'internal_user_viewer'>";

export const userRole: Coercer = (input) =>
  typeof input === "string" && (ASSIGNABLE_ROLES as readonly string[]).includes(input)
    ? { ok: true, value: input }
    : { ok: false, issue: { type: "literal_error", msg: `Input should be ${EXPECTED}`, input, ctx: { expected: EXPECTED } } };
