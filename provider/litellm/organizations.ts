// LiteLLM's /organization endpoints and their members (docs/litellm-api.md, "Organizations"). Rows come back as
// LiteLLM's JSON objects; the resources map their fields.
import { isLiteLLMError } from "./errors";
import { expectObject, malformed } from "./answers";
import type { ApiRow, BudgetFields } from "./budgets";
import type { Transport } from "./transport";

export interface OrganizationFields extends BudgetFields {
  organization_alias?: string;
  models?: string[];
  budget_id?: string;
  metadata?: Record<string, unknown>;
}

export type OrgRole = "org_admin" | "internal_user" | "internal_user_viewer";

export class LiteLLMOrganizations {
  constructor(private readonly http: Transport) {}

  /**
   * POST /organization/new with the caller's organization_id. LiteLLM does not catch the duplicate key, so a
   * retry whose earlier attempt landed fails (500): reading the organization settles it.
   */
  async create(organizationId: string, fields: OrganizationFields, signal?: AbortSignal): Promise<ApiRow> {
    try {
      const res = await this.http.send({ method: "POST", path: "/organization/new", body: { ...fields, organization_id: organizationId }, idempotent: true, signal });
      return expectObject(res.body, "POST", "/organization/new");
    } catch (e) {
      if (!isLiteLLMError(e) || !e.retried) throw e;
      const found = await this.info(organizationId, signal);
      if (found === null) throw e;
      return found;
    }
  }

  /** GET /organization/info; null when LiteLLM has no such organization (404). */
  async info(organizationId: string, signal?: AbortSignal): Promise<ApiRow | null> {
    try {
      const res = await this.http.send({ method: "GET", path: "/organization/info", query: { organization_id: organizationId }, idempotent: true, signal });
      return expectObject(res.body, "GET", "/organization/info");
    } catch (e) {
      if (isLiteLLMError(e) && e.isNotFound) return null;
      throw e;
    }
  }

  /** GET /organization/list: every organization (it has no pages), optionally those whose alias contains `alias`. */
  async list(filter: { alias?: string } = {}, signal?: AbortSignal): Promise<ApiRow[]> {
    const res = await this.http.send({ method: "GET", path: "/organization/list", query: { org_alias: filter.alias }, idempotent: true, signal });
    if (!Array.isArray(res.body)) throw malformed("GET", "/organization/list", "the answer is not a list");
    return res.body.map((o) => expectObject(o, "GET", "/organization/list"));
  }

  async update(organizationId: string, fields: OrganizationFields, signal?: AbortSignal): Promise<void> {
    const res = await this.http.send({ method: "PATCH", path: "/organization/update", body: { ...fields, organization_id: organizationId }, idempotent: true, signal });
    expectObject(res.body, "PATCH", "/organization/update");
  }

  /** DELETE /organization/delete; false when LiteLLM no longer has it (404). Its teams, memberships and keys go with it. */
  async delete(organizationId: string, signal?: AbortSignal): Promise<boolean> {
    try {
      await this.http.send({ method: "DELETE", path: "/organization/delete", body: { organization_ids: [organizationId] }, idempotent: true, signal });
      return true;
    } catch (e) {
      if (isLiteLLMError(e) && e.isNotFound) return false;
      throw e;
    }
  }

  /** POST /organization/member_add for one user, by id. LiteLLM would create a user it does not know. */
  async addMember(organizationId: string, userId: string, role: OrgRole, signal?: AbortSignal): Promise<void> {
    const body = { organization_id: organizationId, member: { user_id: userId, role } };
    const res = await this.http.send({ method: "POST", path: "/organization/member_add", body, idempotent: false, signal });
    expectObject(res.body, "POST", "/organization/member_add");
  }

  /** PATCH /organization/member_update: the role, and the member's budget (which LiteLLM cannot remove). */
  async updateMember(organizationId: string, userId: string, change: { role?: OrgRole; maxBudget?: number }, signal?: AbortSignal): Promise<void> {
    const body = { organization_id: organizationId, user_id: userId, role: change.role, max_budget_in_organization: change.maxBudget };
    const res = await this.http.send({ method: "PATCH", path: "/organization/member_update", body, idempotent: true, signal });
    expectObject(res.body, "PATCH", "/organization/member_update");
  }

  /** DELETE /organization/member_delete; false when the membership was already gone (200 null). */
  async deleteMember(organizationId: string, userId: string, signal?: AbortSignal): Promise<boolean> {
    const res = await this.http.send({ method: "DELETE", path: "/organization/member_delete", body: { organization_id: organizationId, user_id: userId }, idempotent: true, signal });
    return res.body !== null;
  }
}

export function organizationsOf(client: Transport): LiteLLMOrganizations {
  return new LiteLLMOrganizations(client);
}
