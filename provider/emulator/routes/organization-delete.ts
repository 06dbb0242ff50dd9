// DELETE /organization/delete {"organization_ids"}: for each id, its teams, memberships and keys, then the
// organization; the budget row stays. An unknown id answers 404, but ids before it are already deleted.

import { fastapiDetail } from "../errors";
import { organizationWithMembersView } from "../governance-views";
import { jsonResponse } from "../http-types";
import { validateBody } from "../validation/model";
import { deleteOrganizationRequest } from "../validation/governance-requests";
import type { RouteHandler } from "./context";

export const organizationDelete: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, deleteOrganizationRequest);
  const deleted: Record<string, unknown>[] = [];
  for (const id of body.organization_ids as string[]) {
    const store = ctx.store;
    for (const team of [...store.teams.values()]) {
      if (team.organization_id !== id) continue;
      for (const m of store.membershipsOfTeam(team.team_id)) store.deleteMembership(team.team_id, m.user_id);
      store.teams.delete(team.team_id);
    }
    for (const m of store.membershipsOfOrganization(id)) store.deleteOrgMembership(id, m.user_id);
    for (const key of [...store.keys.values()]) if (key.organization_id === id) store.deleteKey(key.token);
    const row = store.organizations.get(id);
    if (!row) return fastapiDetail(404, { error: `Organization=${id} not found` });
    deleted.push(organizationWithMembersView(store, row));
    store.organizations.delete(id);
  }
  return jsonResponse(200, deleted);
};
