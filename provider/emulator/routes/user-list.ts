// GET /user/list (reference §3): filters, sorting and pages. Unwrapped, so errors are FastAPI's {"detail": ...}.

import { fastapiDetail } from "../errors";
import { jsonResponse } from "../http-types";
import { parseQuery, queryValue, type Query } from "../query";
import { userListView, type UserRow } from "../rows";
import type { EmulatorStore } from "../store";
import type { RouteHandler } from "./context";
import { intParam } from "./paging";

const SORT_COLUMNS = ["user_id", "user_email", "created_at", "spend", "user_alias", "user_role"] as const;
type SortColumn = (typeof SORT_COLUMNS)[number];

export const userList: RouteHandler = (req, ctx) => {
  const query = parseQuery(req.rawQuery);
  const page = intParam(query, "page", 1, 1);
  const pageSize = intParam(query, "page_size", 25, 1, 100);
  const sortBy = queryValue(query, "sort_by") ?? "created_at";
  const sortOrder = (queryValue(query, "sort_order") ?? "desc").toLowerCase();
  if (!(SORT_COLUMNS as readonly string[]).includes(sortBy)) {
    return fastapiDetail(400, { error: `Invalid sort column. Must be one of: ${SORT_COLUMNS.join(", ")}` });
  }
  if (sortOrder !== "asc" && sortOrder !== "desc") return fastapiDetail(400, { error: "Invalid sort order. Must be 'asc' or 'desc'" });

  const matches = [...ctx.store.users.values()].filter(filterFrom(query));
  sortUsers(matches, sortBy as SortColumn, sortOrder, ctx.store);
  const pageRows = matches.slice((page - 1) * pageSize, page * pageSize);
  return jsonResponse(200, {
    users: pageRows.map((u) => userListView(u, ctx.store.keysOfUser(u.user_id).length)),
    total: matches.length,
    page,
    page_size: pageSize,
    total_pages: Math.ceil(matches.length / pageSize),
  });
};

function filterFrom(query: Query): (u: UserRow) => boolean {
  const tests: ((u: UserRow) => boolean)[] = [];
  const role = queryValue(query, "role");
  if (role) tests.push((u) => u.user_role === role);
  const team = queryValue(query, "team");
  if (team) tests.push((u) => u.teams.includes(team));
  const ids = splitList(queryValue(query, "user_ids"));
  if (ids.length === 1) {
    const needle = ids[0]!.toLowerCase();
    tests.push((u) => u.user_id.toLowerCase().includes(needle));
  } else if (ids.length > 1) tests.push((u) => ids.includes(u.user_id));
  const ssoIds = splitList(queryValue(query, "sso_user_ids"));
  if (ssoIds.length > 0) tests.push((u) => u.sso_user_id !== null && ssoIds.includes(u.sso_user_id));
  const orgIds = splitList(queryValue(query, "organization_ids"));
  if (orgIds.length > 0) tests.push((u) => u.organization_id !== null && orgIds.includes(u.organization_id));
  const email = queryValue(query, "user_email");
  if (email) {
    const needle = email.toLowerCase();
    tests.push((u) => u.user_email !== null && u.user_email.toLowerCase().includes(needle));
  }
  return (u) => tests.every((t) => t(u));
}

function splitList(value: string | undefined): string[] {
  return value ? value.split(",").map((s) => s.trim()).filter(Boolean) : [];
}

/** Postgres puts nulls last ascending and first descending; insertion order breaks ties deterministically. */
function sortUsers(users: UserRow[], column: SortColumn, order: "asc" | "desc", store: EmulatorStore): void {
  const direction = order === "asc" ? 1 : -1;
  users.sort((a, b) => {
    const av = a[column];
    const bv = b[column];
    if (av !== bv) {
      if (av === null) return direction;
      if (bv === null) return -direction;
      return (av < bv ? -1 : 1) * direction;
    }
    return (store.insertionIndex(a.user_id) - store.insertionIndex(b.user_id)) * direction;
  });
}
