// litellm_access_group: a model access group (/access_group/*). LiteLLM keeps no row for it: the group is its
// name in model_info.access_groups of DB deployments, and exists while one carries it. The members are given
// by model_names (every deployment of those names, when the group is written) or model_ids (those
// deployments); the other one is read back as an output. Creating a group whose name a deployment already
// carries is refused by LiteLLM (409): import it instead.
import { declareResource, exactlyOneOf, text, type AttributeDeclaration } from "../../framework/declarative";
import type { PlanRequest, PlanResponse } from "../../framework/resource";
import { isUnknown, unknown } from "../../values/value";
import type { LiteLLMClient } from "../../litellm/client";
import { accessGroupsOf, type AccessGroupMembers } from "../../litellm/access-groups";
import { describeLiteLLMError } from "../api-errors";
import { stringSet } from "./string-set";

const members = ["model_names", "model_ids"] as const;

export const accessGroupAttributes: Record<string, AttributeDeclaration> = {
  access_group: { codec: text(), forceNew: true },
  // Either one is the argument; the other shows what LiteLLM holds (serverDefault: no diff when left out).
  model_names: { codec: stringSet(), serverDefault: true },
  model_ids: { codec: stringSet(), serverDefault: true },
};

/** The member list LiteLLM receives: the one the plan changes (model_ids wins in LiteLLM when both are sent). */
function membersOf(body: Record<string, unknown>): AccessGroupMembers {
  return Array.isArray(body.model_ids) ? { model_ids: body.model_ids as string[] } : { model_names: body.model_names as string[] };
}

/** When the configured list changes, the one read back as an output is known only after apply. */
function otherListUnknown({ prior, config }: PlanRequest, resp: PlanResponse): void {
  if (prior === null) return;
  const replacing = resp.requiresReplace.length > 0;
  for (const [given, other] of [members, [...members].reverse()] as const) {
    if (config[given] === null || config[other] !== null) continue;
    const changed = isUnknown(resp.planned[given]!) || !stringSet().equivalent!(resp.planned[given]!, prior[given]!);
    if (changed || replacing) resp.planned[other] = unknown;
  }
}

export const accessGroupResource = declareResource<LiteLLMClient>(
  {
    typeName: "litellm_access_group",
    noun: "access group",
    attributes: accessGroupAttributes,
    constraints: {
      access_group: {
        schema: { pattern: "^[^/]*[^/\\s][^/]*$" },
        expectation: "must be a name with no slash (LiteLLM's /access_group/{name}/... paths cannot carry one), not empty or blank",
      },
      model_names: { schema: { minItems: 1, items: { minLength: 1 } }, expectation: "must list at least one model name, none of them empty" },
      model_ids: { schema: { minItems: 1, items: { minLength: 1 } }, expectation: "must list at least one deployment ID (litellm_model.x.id), none of them empty" },
    },
    checks: [exactlyOneOf(members, "choose the group's deployments")],
    describeError(e) {
      const info = describeLiteLLMError(e);
      return /answered 409/.test(info.message)
        ? { ...info, message: `${info.message} A deployment already carries this group name: import it with terraform import <address> <name>, or choose another name.` }
        : info;
    },
    importHint: "the group's name",
    api: {
      async create(ctx, body, planned) {
        await accessGroupsOf(ctx.client).create(planned.access_group as string, membersOf(body), ctx.signal);
        return planned.access_group as string;
      },
      read: (ctx, name) => accessGroupsOf(ctx.client).info(name, ctx.signal),
      update: (ctx, name, body) => accessGroupsOf(ctx.client).update(name, membersOf(body), ctx.signal),
      delete: (ctx, name) => accessGroupsOf(ctx.client).delete(name, ctx.signal),
    },
  },
  { modifyPlan: otherListUnknown },
);
