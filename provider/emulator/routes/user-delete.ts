// POST /user/delete (reference §5): all ids must exist or nothing is deleted; a user's keys go with it.
// The handler is not wrapped, so its 404 is FastAPI's {"detail": ...}; success is a bare integer count.

import { fastapiDetail } from "../errors";
import { jsonResponse } from "../http-types";
import { validateBody } from "../validation/model";
import { deleteUserRequest } from "../validation/requests";
import type { RouteHandler } from "./context";

export const userDelete: RouteHandler = (req, ctx) => {
  const userIds = validateBody(req.body, deleteUserRequest).user_ids as string[];
  const missing = userIds.find((id) => !ctx.store.getUser(id));
  if (missing !== undefined) return fastapiDetail(404, { error: `User not found, passed user_id=${missing}` });
  let deleted = 0;
  for (const id of new Set(userIds)) if (ctx.store.deleteUser(id)) deleted++;
  return jsonResponse(200, deleted);
};
