// LiteLLM's model access groups (/access_group/*; docs/litellm-api.md, "Model access groups"). A group is a
// name in model_info.access_groups of DB deployments, so the deployment ids come from the model listing.
import { expectObject } from "./answers";
import { isLiteLLMError } from "./errors";
import { LiteLLMManagement, type ApiObject } from "./management";
import type { Transport } from "./transport";

/** The group's members: model_names (every DB deployment of those names) or model_ids (those deployments). */
export interface AccessGroupMembers {
  model_names?: string[];
  model_ids?: string[];
}

const path = (group: string, action: string) => `/access_group/${encodeURIComponent(group)}/${action}`;

export class LiteLLMAccessGroups {
  constructor(private readonly http: Transport) {}

  /** POST /access_group/new: 409 when a deployment already carries the name. */
  async create(group: string, members: AccessGroupMembers, signal?: AbortSignal): Promise<void> {
    const res = await this.http.send({ method: "POST", path: "/access_group/new", body: { access_group: group, ...members }, idempotent: false, signal });
    expectObject(res.body, "POST", "/access_group/new");
  }

  /**
   * GET /access_group/{name}/info plus the ids of the DB deployments carrying the name (from /v2/model/info):
   * {access_group, model_names, model_ids, deployment_count}; null when no deployment carries it.
   */
  async info(group: string, signal?: AbortSignal): Promise<ApiObject | null> {
    let info: ApiObject;
    try {
      const res = await this.http.send({ method: "GET", path: path(group, "info"), idempotent: true, signal });
      info = expectObject(res.body, "GET", path(group, "info"));
    } catch (e) {
      if (isLiteLLMError(e) && e.isNotFound) return null;
      throw e;
    }
    const deployments = await new LiteLLMManagement(this.http).listModels({}, signal);
    const ids = deployments.filter((d) => carries(d, group)).map((d) => String((d.model_info as ApiObject).id));
    return { ...info, model_ids: ids.sort() };
  }

  /**
   * PUT /access_group/{name}/update, which replaces the membership. When the group vanished meanwhile (its last
   * deployment was deleted, say by replacing that litellm_model in the same apply), it is created again.
   */
  async update(group: string, members: AccessGroupMembers, signal?: AbortSignal): Promise<void> {
    try {
      const res = await this.http.send({ method: "PUT", path: path(group, "update"), body: members, idempotent: true, signal });
      expectObject(res.body, "PUT", path(group, "update"));
    } catch (e) {
      if (!isLiteLLMError(e) || !e.isNotFound) throw e;
      await this.create(group, members, signal);
    }
  }

  /** DELETE /access_group/{name}/delete: strips the name from every deployment; false when none carried it. */
  async delete(group: string, signal?: AbortSignal): Promise<boolean> {
    try {
      await this.http.send({ method: "DELETE", path: path(group, "delete"), idempotent: true, signal });
      return true;
    } catch (e) {
      if (isLiteLLMError(e) && e.isNotFound) return false;
      throw e;
    }
  }
}

/** A DB deployment (config.yaml ones are not part of any group LiteLLM manages) whose model_info names the group. */
function carries(d: ApiObject, group: string): boolean {
  const info = d.model_info as ApiObject | undefined;
  return !!info && info.db_model !== false && Array.isArray(info.access_groups) && info.access_groups.includes(group) && info.id !== undefined;
}

export function accessGroupsOf(client: Transport): LiteLLMAccessGroups {
  return new LiteLLMAccessGroups(client);
}
