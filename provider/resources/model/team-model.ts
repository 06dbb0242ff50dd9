// Team models (model_info.team_id): LiteLLM stores them as model_name_<team_id>_<uuid> and keeps the name the
// user gave in model_info.team_public_model_name; it needs an enterprise licence for them (403 without).
import { attributePath } from "../../framework/diagnostics";
import type { AttributePlanRule, Refusal, Remote } from "../../framework/declarative";
import { licenceRefusal } from "../api-errors";
import { isLiteLLMError } from "../../litellm/errors";
import { isUnknown, valuesEqual } from "../../values/value";

/** The deployment as the user named it: a team model's public name in place of LiteLLM's internal one. */
export function withPublicName(m: Remote): Remote {
  const info = m.model_info as Record<string, unknown> | undefined;
  const name = info?.team_public_model_name;
  return typeof info?.team_id === "string" && typeof name === "string" ? { ...m, model_name: name } : m;
}

/** PATCH would rename the deployment itself and leave the team's models list behind: a team model's new name replaces it. */
export const teamModelNamePlanRule: AttributePlanRule = (name, { prior, config }, resp) => {
  if (prior === null || prior.team_id === null || isUnknown(config[name]!)) return;
  if (!valuesEqual(resp.planned[name]!, prior[name]!)) resp.requiresReplace.push(attributePath(name));
};

/** The 403 LiteLLM answers a team model without its licence, in words that say what to do. */
export function teamModelRefusal(e: unknown, teamId: unknown): Refusal | null {
  if (typeof teamId !== "string" || !isLiteLLMError(e) || e.status !== 403) return null;
  return licenceRefusal(
    "team_id",
    `the team model for team ${JSON.stringify(teamId)}`,
    "team-scoped models need a LiteLLM enterprise licence",
    "leave team_id out to create a proxy-wide model",
    e.serverMessage,
  );
}
