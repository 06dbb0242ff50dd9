// Data sources litellm_organization (by organization_id or exact organization_alias) and litellm_organizations
// (every organization; LiteLLM's /organization/list has no pages).
import { newObject, type TfValue } from "../../values/value";
import { declareDataSource, stateFromRemote } from "../../framework/declarative";
import type { DataSourceDefinition } from "../../framework/resource";
import type { LiteLLMClient } from "../../litellm/client";
import { organizationsOf } from "../../litellm/organizations";
import { describeLiteLLMError } from "../api-errors";
import { organizationAttributes } from "./resource";

export const organizationDataSource = declareDataSource<LiteLLMClient>({
  typeName: "litellm_organization",
  noun: "organization",
  attributes: organizationAttributes,
  constraints: {
    organization_id: { schema: { minLength: 1 }, expectation: "must not be empty" },
    organization_alias: { schema: { minLength: 1 }, expectation: "must not be empty" },
  },
  describeError: describeLiteLLMError,
  idOf: (r) => String(r.organization_id),
  lookups: [
    { attribute: "organization_id", find: async (ctx, id) => [await organizationsOf(ctx.client).info(id, ctx.signal)].filter((o) => o !== null) },
    // The list filter is a case-insensitive "contains": keep the exact matches.
    { attribute: "organization_alias", find: async (ctx, alias) => (await organizationsOf(ctx.client).list({ alias }, ctx.signal)).filter((o) => o.organization_alias === alias) },
  ],
});

/** The attributes of each element of litellm_organizations.organizations. */
const listed = ["organization_id", "organization_alias", "models", "budget_id", "max_budget", "budget_duration", "spend"] as const;

export const organizationsDataSource: DataSourceDefinition<LiteLLMClient> = {
  typeName: "litellm_organizations",
  async read(_req, resp, ctx) {
    let rows;
    try {
      rows = await organizationsOf(ctx.client).list({}, ctx.signal);
    } catch (e) {
      resp.diagnostics.addError("Cannot List Organizations", `Error while listing organizations: ${describeLiteLLMError(e).message}`);
      return;
    }
    const attributes = Object.fromEntries(listed.map((a) => [a, organizationAttributes[a]!]));
    resp.state.organizations = rows.map((row) => {
      const element = newObject();
      stateFromRemote({ attributes }, element, row, null);
      return element;
    });
    resp.state.ids = rows.map((r) => String(r.organization_id) as TfValue);
    resp.state.id = "organizations";
  },
};
