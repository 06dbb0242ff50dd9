// litellm_team as a declaration over LiteLLM's /team/* endpoints. LiteLLM keeps the rate limit types, prompts,
// tags, guardrails, per-model limits and the member key duration inside the team's metadata (team_endpoints.py),
// so those attributes are keys within metadata; the default member budget fields live in one budget row.
import { randomUUID } from "node:crypto";
import { bool, declareResource, jsonObject, number, numberOf, optionalAmount, stringList, stringMap, text, type AttributeDeclaration, type Codec } from "../../framework/declarative";
import type { LiteLLMClient } from "../../litellm/client";
import { teamsOf, type TeamFields } from "../../litellm/teams";
import { budgetDuration } from "../governance-support";
import { describeLiteLLMError } from "../api-errors";
import { inMetadata, metadataAttributes } from "../server-rules/metadata-attributes";
import { validateOwnMetadata } from "../server-rules/metadata-validation";
import { zeroCapPlanRule } from "../server-rules/zero-budget";
import { teamConstraints } from "./constraints";
import { readTeam, teamModelList } from "./team-models";

/** The default member budget: one row, sent together; LiteLLM (its UI) may fill it. */
const memberBudget = (field: string, a: { send: string; codec: Codec }): AttributeDeclaration => ({ field: `memberBudget.${field}`, together: "member budget", serverDefault: true, ...a });

export const teamAttributes: Record<string, AttributeDeclaration> = {
  team_alias: { codec: text({ emptyIsNull: true }) },
  organization_id: { codec: text({ emptyIsNull: true }) },
  // The names LiteLLM adds for the team's own team models are left out (team-models.ts).
  models: { field: "modelAccess", send: "models", codec: teamModelList() },
  // default_team_settings fills it when left out.
  max_budget: { codec: optionalAmount({ zeroCapIsDrift: true }), serverDefault: true, planRule: zeroCapPlanRule },
  soft_budget: { codec: number() },
  budget_duration: { codec: budgetDuration },
  tpm_limit: { codec: number() },
  rpm_limit: { codec: number() },
  ...metadataAttributes,
  tpm_limit_type: inMetadata("tpm_limit_type", text({ emptyIsNull: true })),
  rpm_limit_type: inMetadata("rpm_limit_type", text({ emptyIsNull: true })),
  prompts: inMetadata("prompts", stringList()),
  team_member_key_duration: inMetadata("team_member_key_duration", text({ emptyIsNull: true })),
  blocked: { codec: bool({ nullIs: false }), default: false },
  team_member_permissions: { codec: stringList() },
  // 0 is no member budget; LiteLLM's no budget reads as null.
  team_member_budget: memberBudget("max_budget", { send: "team_member_budget", codec: { ...number(), toApi: (v) => numberOf(v) || null, equivalent: (a, b) => (numberOf(a) ?? 0) === (numberOf(b) ?? 0) } }),
  team_member_budget_duration: memberBudget("budget_duration", { send: "team_member_budget_duration", codec: budgetDuration }),
  team_member_rpm_limit: memberBudget("rpm_limit", { send: "team_member_rpm_limit", codec: number() }),
  team_member_tpm_limit: memberBudget("tpm_limit", { send: "team_member_tpm_limit", codec: number() }),
  model_aliases: { codec: stringMap() },
  router_settings: { codec: jsonObject() },
  spend: { codec: number(), computed: true, volatile: true },
};

/** Also sent as a field when set or changed, so that LiteLLM checks its licence as for any caller. */
const keyDuration = (planned: Record<string, unknown>, prior?: Record<string, unknown>) =>
  typeof planned.team_member_key_duration === "string" && planned.team_member_key_duration !== prior?.team_member_key_duration ? { team_member_key_duration: planned.team_member_key_duration } : {};

export const teamResource = declareResource<LiteLLMClient>({
  typeName: "litellm_team",
  noun: "team",
  idAttributes: ["id", "team_id"],
  attributes: teamAttributes,
  constraints: teamConstraints,
  checks: [validateOwnMetadata],
  describeError: describeLiteLLMError,
  api: {
    // Our own team_id makes a retried create safe (LiteLLMTeams.newTeam).
    newId: () => randomUUID(),
    async create(ctx, body, planned) {
      const set = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null));
      await teamsOf(ctx.client).newTeam(planned.team_id as string, { ...set, ...keyDuration(planned) } as TeamFields, ctx.signal);
      return planned.team_id as string;
    },
    read: readTeam,
    update: (ctx, id, body, planned, prior) => teamsOf(ctx.client).updateTeam(id, { ...body, ...keyDuration(planned, prior) } as TeamFields, ctx.signal),
    delete: (ctx, id) => teamsOf(ctx.client).deleteTeam(id, ctx.signal),
  },
});
