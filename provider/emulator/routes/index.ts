// The LiteLLM routes the emulator serves. All of them need an admin caller except the liveliness probe.

import type { RouteHandler } from "./context";
import { budgetDelete } from "./budget-delete";
import { budgetNew } from "./budget-new";
import { budgetInfo, budgetList } from "./budget-read";
import { budgetUpdate } from "./budget-update";
import { organizationDelete } from "./organization-delete";
import { organizationMemberAdd, organizationMemberDelete, organizationMemberUpdate } from "./organization-members";
import { organizationNew } from "./organization-new";
import { organizationInfo, organizationList } from "./organization-read";
import { organizationUpdate } from "./organization-update";
import { tagDelete, tagInfo, tagList, tagNew, tagUpdate } from "./tags";
import { credentialByName, credentialCreate, credentialDelete, credentialList, credentialUpdate } from "./credentials";
import { keyBlock, keyUnblock } from "./key-block";
import { keyDelete } from "./key-delete";
import { keyList } from "./key-list";
import { keyRegenerate } from "./key-regenerate";
import { modelInfoV1, modelInfoV2 } from "./model-info";
import { modelNew } from "./model-new";
import { accessGroupDelete, accessGroupInfo, accessGroupList, accessGroupNew, accessGroupUpdate } from "./model-access-groups";
import { modelDelete, modelPatch } from "./model-update";
import { teamListV2 } from "./team-list-v2";
import { keyGenerate } from "./key-generate";
import { keyInfo } from "./key-info";
import { keyUpdate } from "./key-update";
import { teamDelete } from "./team-delete";
import { teamInfo } from "./team-info";
import { teamList } from "./team-list";
import { teamMemberAdd } from "./team-member-add";
import { teamMemberDelete } from "./team-member-delete";
import { teamMemberUpdate } from "./team-member-update";
import { teamNew } from "./team-new";
import { teamUpdate } from "./team-update";
import { userDelete } from "./user-delete";
import { userInfo } from "./user-info";
import { userList } from "./user-list";
import { userNew } from "./user-new";
import { userUpdate } from "./user-update";

export interface Route {
  handler: RouteHandler;
  public?: boolean;
}

const liveliness: RouteHandler = () => ({ status: 200, body: "I'm alive!" });

/** path → method → route */
export const ROUTES: Record<string, Record<string, Route>> = {
  "/health/liveliness": { GET: { handler: liveliness, public: true } },
  "/health/liveness": { GET: { handler: liveliness, public: true } },
  "/user/new": { POST: { handler: userNew } },
  "/user/info": { GET: { handler: userInfo } },
  "/user/update": { POST: { handler: userUpdate } },
  "/user/delete": { POST: { handler: userDelete } },
  "/user/list": { GET: { handler: userList } },
  "/key/generate": { POST: { handler: keyGenerate } },
  "/key/info": { GET: { handler: keyInfo } },
  "/key/update": { POST: { handler: keyUpdate } },
  "/key/delete": { POST: { handler: keyDelete } },
  "/key/list": { GET: { handler: keyList } },
  "/key/block": { POST: { handler: keyBlock } },
  "/key/unblock": { POST: { handler: keyUnblock } },
  "/key/regenerate": { POST: { handler: keyRegenerate } },
  "/model/new": { POST: { handler: modelNew } },
  "/model/info": { GET: { handler: modelInfoV1 } },
  "/v1/model/info": { GET: { handler: modelInfoV1 } },
  "/v2/model/info": { GET: { handler: modelInfoV2 } },
  "/model/delete": { POST: { handler: modelDelete } },
  "/credentials": { GET: { handler: credentialList }, POST: { handler: credentialCreate } },
  "/v2/team/list": { GET: { handler: teamListV2 } },
  "/team/new": { POST: { handler: teamNew } },
  "/team/info": { GET: { handler: teamInfo } },
  "/team/update": { POST: { handler: teamUpdate } },
  "/team/delete": { POST: { handler: teamDelete } },
  "/team/list": { GET: { handler: teamList } },
  "/team/member_add": { POST: { handler: teamMemberAdd } },
  "/team/member_update": { POST: { handler: teamMemberUpdate } },
  "/team/member_delete": { POST: { handler: teamMemberDelete } },
  "/budget/new": { POST: { handler: budgetNew } },
  "/budget/info": { POST: { handler: budgetInfo } },
  "/budget/list": { GET: { handler: budgetList } },
  "/budget/update": { POST: { handler: budgetUpdate } },
  "/budget/delete": { POST: { handler: budgetDelete } },
  "/organization/new": { POST: { handler: organizationNew } },
  "/organization/info": { GET: { handler: organizationInfo } },
  "/organization/list": { GET: { handler: organizationList } },
  "/organization/update": { PATCH: { handler: organizationUpdate } },
  "/organization/delete": { DELETE: { handler: organizationDelete } },
  "/organization/member_add": { POST: { handler: organizationMemberAdd } },
  "/organization/member_update": { PATCH: { handler: organizationMemberUpdate } },
  "/organization/member_delete": { DELETE: { handler: organizationMemberDelete } },
  "/tag/new": { POST: { handler: tagNew } },
  "/tag/update": { POST: { handler: tagUpdate } },
  "/tag/info": { POST: { handler: tagInfo } },
  "/tag/list": { GET: { handler: tagList } },
  "/tag/delete": { POST: { handler: tagDelete } },
  "/access_group/new": { POST: { handler: accessGroupNew } },
  "/access_group/list": { GET: { handler: accessGroupList } },
};

/** Routes with path parameters; `{name:path}` (Starlette's path converter) may contain slashes. */
const PATTERN_ROUTES: { pattern: RegExp; methods: Record<string, Route> }[] = [
  { pattern: /^\/model\/([^/]+)\/update$/, methods: { PATCH: { handler: modelPatch } } },
  // FastAPI's default path parameter stops at a slash: a group name holding one cannot be addressed.
  { pattern: /^\/access_group\/([^/]+)\/info$/, methods: { GET: { handler: accessGroupInfo } } },
  { pattern: /^\/access_group\/([^/]+)\/update$/, methods: { PUT: { handler: accessGroupUpdate } } },
  { pattern: /^\/access_group\/([^/]+)\/delete$/, methods: { DELETE: { handler: accessGroupDelete } } },
  { pattern: /^\/credentials\/by_name\/(.+)$/, methods: { GET: { handler: credentialByName } } },
  { pattern: /^\/credentials\/(?!by_name\/)(.+)$/, methods: { PATCH: { handler: credentialUpdate }, DELETE: { handler: credentialDelete } } },
];

export function findRoute(path: string): { methods: Record<string, Route>; params: string[] } | undefined {
  const exact = ROUTES[path];
  if (exact) return { methods: exact, params: [] };
  for (const r of PATTERN_ROUTES) {
    const m = r.pattern.exec(path);
    if (m) return { methods: r.methods, params: m.slice(1).map(decodePathPart) };
  }
  return undefined;
}

function decodePathPart(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
