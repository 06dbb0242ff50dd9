// Data source litellm_access_group: an existing model access group, by name, with its models and deployments.
import { declareDataSource, number, text } from "../../framework/declarative";
import type { LiteLLMClient } from "../../litellm/client";
import { accessGroupsOf } from "../../litellm/access-groups";
import { describeLiteLLMError } from "../api-errors";
import { stringSet } from "./string-set";

export const accessGroupDataSource = declareDataSource<LiteLLMClient>({
  typeName: "litellm_access_group",
  noun: "access group",
  attributes: {
    access_group: { codec: text() },
    model_names: { codec: stringSet(), computed: true },
    model_ids: { codec: stringSet(), computed: true },
    deployment_count: { codec: number(), computed: true },
  },
  constraints: { access_group: { schema: { minLength: 1 }, expectation: "must not be empty" } },
  describeError: describeLiteLLMError,
  idOf: (r) => String(r.access_group),
  lookups: [{ attribute: "access_group", find: async (ctx, name) => [await accessGroupsOf(ctx.client).info(name, ctx.signal)].filter((g) => g !== null) }],
});
