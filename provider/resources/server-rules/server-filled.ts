// Arguments LiteLLM may fill in itself: a proxy's default_internal_user_params, max_internal_user_budget,
// internal_user_budget_duration, default_team_settings and a team's default member budget give a new object
// values nobody wrote. Such an argument is optional and computed: when the configuration leaves it out, it takes
// whatever LiteLLM holds (unknown in the plan of a create, the prior value after that), so there is no error and
// no endless update. When the configuration sets it and LiteLLM keeps something else, that is still reported.
import { isUnknown, unknown, valuesEqual, type TfObject, type TfValue } from "../../values/value";

/** Whether the configuration leaves this argument to LiteLLM. */
export function leftToServer(config: TfObject, attribute: string): boolean {
  return config[attribute] === null;
}

/**
 * Plans the arguments LiteLLM may fill: left out of the configuration, each is unknown on create and keeps its
 * prior value on update. Arguments the configuration sets are left as planned.
 */
export function planServerFilled(config: TfObject, prior: TfObject | null, planned: TfObject, attributes: readonly string[]): void {
  for (const a of attributes) {
    if (!leftToServer(config, a)) continue;
    planned[a] = prior === null ? unknown : (prior[a] ?? null);
  }
}

/**
 * The planned arguments that LiteLLM did not keep: the ones known in the plan whose value after the read-back
 * differs. Arguments of `serverFilled` that the configuration leaves out are LiteLLM's, never in this list.
 */
export function unappliedArguments(
  config: TfObject | null,
  planned: TfObject,
  readBack: TfObject,
  attributes: readonly string[],
  serverFilled: readonly string[],
): string[] {
  return attributes.filter((a) => {
    if (config !== null && leftToServer(config, a) && serverFilled.includes(a)) return false;
    const want: TfValue = planned[a];
    return !isUnknown(want) && !valuesEqual(want, readBack[a]);
  });
}
