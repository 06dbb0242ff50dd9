// litellm_organization: an organization (/organization/*) over teams, with its budget and model list.
// Quirks beyond the declaration: LiteLLM merges metadata on update, so a key can never be removed (the plan
// says so), and a new budget_id makes the budget fields the new budget's.
import { randomUUID } from "node:crypto";
import { isUnknown, unknown, valuesEqual } from "../../values/value";
import { attributePath } from "../../framework/diagnostics";
import { declareResource, jsonObjectText, number, parseObject, stringList, text, type AttributeDeclaration } from "../../framework/declarative";
import type { LiteLLMClient } from "../../litellm/client";
import { organizationsOf } from "../../litellm/organizations";
import { liteLLMOwnedMetadataKeys } from "../server-rules/owned-metadata";
import { ownMetadataCheck } from "../server-rules/metadata-validation";
import { budgetAttributes, budgetConstraints, modelsConstraint, budgetFieldNames, budgetIdExcludesFields } from "../governance-support";
import { describeLiteLLMError } from "../api-errors";

export const organizationAttributes: Record<string, AttributeDeclaration> = {
  organization_id: { codec: text(), send: false, serverDefault: true, forceNew: true },
  organization_alias: { codec: text() },
  models: { codec: stringList() },
  budget_id: { codec: text(), serverDefault: true },
  ...budgetAttributes({ nested: true }),
  metadata: { codec: jsonObjectText({ serverOwned: liteLLMOwnedMetadataKeys }) },
  spend: { codec: number(), computed: true, volatile: true },
  created_at: { codec: text(), computed: true },
};

export const organizationResource = declareResource<LiteLLMClient>(
  {
    typeName: "litellm_organization",
    noun: "organization",
    attributes: organizationAttributes,
    constraints: {
      ...budgetConstraints,
      models: modelsConstraint,
      organization_id: { schema: { minLength: 1 }, expectation: "must not be empty; leave it out to let LiteLLM choose one" },
      organization_alias: { schema: { minLength: 1 }, expectation: "must not be empty" },
      budget_id: { schema: { minLength: 1 }, expectation: "must be a budget ID, such as litellm_budget.x.budget_id" },
      metadata: { schema: { jsonObjectString: true }, expectation: 'must be a JSON object, for example jsonencode({ cost_center = "42" })' },
    },
    // No owned metadata key has an argument on organizations: each is LiteLLM's to manage.
    checks: [budgetIdExcludesFields, ownMetadataCheck([])],
    describeError: describeLiteLLMError,
    api: {
      async create(ctx, body, planned) {
        // Our own organization_id makes a retried create safe (LiteLLMOrganizations.create).
        const id = typeof planned.organization_id === "string" ? planned.organization_id : randomUUID();
        await organizationsOf(ctx.client).create(id, { ...body, organization_alias: body.organization_alias as string }, ctx.signal);
        return id;
      },
      read: (ctx, id) => organizationsOf(ctx.client).info(id, ctx.signal),
      update: (ctx, id, body) => organizationsOf(ctx.client).update(id, body, ctx.signal),
      delete: (ctx, id) => organizationsOf(ctx.client).delete(id, ctx.signal),
    },
  },
  {
    modifyPlan({ prior, config }, resp) {
      if (prior === null) return;
      const planned = resp.planned;
      // Another budget: its values are known after the update.
      if (!valuesEqual(planned.budget_id!, prior.budget_id!)) for (const name of budgetFieldNames) if (config[name] === null) planned[name] = unknown;
      const before = typeof prior.metadata === "string" ? parseObject(prior.metadata) : undefined;
      const after = typeof config.metadata === "string" ? parseObject(config.metadata) : isUnknown(config.metadata) ? undefined : {};
      const dropped = before && after ? Object.keys(before).filter((k) => !(k in after)) : [];
      if (dropped.length > 0) {
        resp.diagnostics.addError(
          "LiteLLM Cannot Remove Metadata Keys",
          `LiteLLM merges an organization's metadata on update, so it cannot remove ${dropped.join(", ")}. Keep the key${dropped.length > 1 ? "s" : ""} (with any value), or replace the organization (terraform apply -replace) to start from the new metadata.`,
          attributePath("metadata"),
        );
      }
    },
  },
);
