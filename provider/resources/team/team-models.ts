// litellm_team.models beside the team's own team models. Creating a team model (litellm_model with team_id)
// makes LiteLLM add its public name to the team's models (team_model_add), and an empty list (every model) first
// becomes ["all-proxy-models"] so the team keeps every model. Those names are LiteLLM's, not the user's: state
// leaves them out unless the configuration lists them, and an update sends them along so the team keeps access to
// its own models. The order is LiteLLM's set order, so order never makes a difference here.
import { stringList, type Codec, type Remote } from "../../framework/declarative";
import type { HandlerContext } from "../../framework/resource";
import type { LiteLLMClient } from "../../litellm/client";
import { managementOf } from "../../litellm/management";
import { teamsOf } from "../../litellm/teams";
import type { TfValue } from "../../values/value";

/** LiteLLM's name for "every model" inside a models list. */
export const ALL_PROXY_MODELS = "all-proxy-models";

/** What the team's read holds for models: the list LiteLLM has, and the public names of the team's own team models. */
export interface ModelAccess {
  models: string[];
  teamModels: string[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

function isModelAccess(v: unknown): v is ModelAccess {
  return v !== null && typeof v === "object" && Array.isArray((v as ModelAccess).models) && Array.isArray((v as ModelAccess).teamModels);
}

/** The team as /team/info has it, with `modelAccess`; the team models are looked up only when the team lists models. */
export async function readTeam(ctx: HandlerContext<LiteLLMClient>, id: string): Promise<Remote | null> {
  const team = await teamsOf(ctx.client).teamInfo(id, ctx.signal);
  if (team === null) return null;
  const teamModels = team.models.length > 0 ? await managementOf(ctx.client).teamModelNames(id, ctx.signal) : [];
  return { ...team, modelAccess: { models: team.models, teamModels } satisfies ModelAccess };
}

/** The user's list plus the team-model names LiteLLM added that the team has now (an empty list: every model and those). */
export function withTeamModels(mine: string[], current: unknown): string[] {
  if (!isModelAccess(current)) return mine;
  const kept = current.teamModels.filter((n) => current.models.includes(n) && !mine.includes(n));
  if (kept.length === 0) return mine;
  return [...(mine.length === 0 ? [ALL_PROXY_MODELS] : mine), ...kept];
}

/**
 * LiteLLM's list without the team-model names it added that `like` (the user's list) does not have. A list of
 * nothing but such names stays as it is: the team is limited to its team models (an older LiteLLM appends to an
 * empty list), which is not "every model", and the plan says so. "all-proxy-models" alone is every model (null).
 */
export function userModels(access: ModelAccess, like: TfValue): string[] | null {
  const mine = strings(like);
  const added = new Set(access.teamModels.filter((n) => !mine.includes(n)));
  let rest = access.models.filter((n) => !added.has(n));
  if (rest.length === 0) rest = access.models;
  else if (rest.length === 1 && rest[0] === ALL_PROXY_MODELS && !mine.includes(ALL_PROXY_MODELS)) rest = [];
  return rest.length > 0 ? rest : null;
}

/** The same names, in any order (null and [] are both every model). */
export function sameNames(a: TfValue, b: TfValue): boolean {
  const x = [...new Set(strings(a))].sort(), y = [...new Set(strings(b))].sort();
  return x.length === y.length && x.every((n, i) => n === y[i]);
}

/** litellm_team.models over the read's `modelAccess`; the update reads the team first to send the team models along. */
export const teamModelList = (): Codec => {
  const list = stringList();
  return {
    toApi: (v, current) => withTeamModels(strings(v), current),
    fromApi: (v, like) => (isModelAccess(v) ? userModels(v, like ?? null) : list.fromApi(v)),
    equivalent: sameNames,
    clear: (current) => withTeamModels([], current),
    needsCurrent: true,
  };
};
