// max_budget = 0 means unlimited in this provider, as the seeds say: LiteLLM receives no budget (null). LiteLLM
// itself has no such meaning: its budget check refuses any spend over a 0.0 budget. So a budget LiteLLM holds at
// 0.0 (set in the UI, or by a proxy default) is not "unlimited" but a $0 cap that blocks every call. State shows
// it as null, which no configuration means, so the plan proposes the update that removes the cap.
import { isUnknown, type TfValue } from "../../values/value";
import { attributePath } from "../../framework/diagnostics";
import { numberOf, type AttributePlanRule, type Codec } from "../../framework/declarative";

/** What LiteLLM receives for a budget argument: 0 (unlimited) is no budget. */
export function nativeBudget(v: TfValue): number | null {
  const b = numberOf(v);
  return b === null || b === 0 ? null : b;
}

/**
 * Whether the configuration asks for an unlimited budget (0). A proxy default (max_internal_user_budget,
 * default_team_settings) fills a create that sends no budget, so such a create is followed by the update that
 * removes the filled-in budget.
 */
export function wantsUnlimited(configured: TfValue): boolean {
  return configured !== null && !isUnknown(configured) && numberOf(configured) === 0;
}

/** A budget as LiteLLM holds it, in state form: no budget is 0 (unlimited), a 0.0 cap is null (drift). */
export function budgetStateFromServer(server: number | null | undefined): TfValue {
  if (server === null || server === undefined) return 0;
  return server === 0 ? null : server;
}

/** Whether LiteLLM holds a $0 cap, as state shows it. */
export function isZeroCap(state: TfValue): boolean {
  return state === null;
}

/** Same budget: equal amounts; 0 and "no budget" are one; a $0 cap (null) equals only itself. */
export function budgetsEquivalent(a: TfValue, b: TfValue): boolean {
  if (isUnknown(a) || isUnknown(b)) return false;
  if (a === null || b === null) return a === b;
  return numberOf(a) === numberOf(b);
}

export function zeroCapWarning(attribute: string, owner: string): { summary: string; detail: string } {
  return {
    summary: "LiteLLM Holds A $0 Budget",
    detail:
      `LiteLLM has ${attribute} = 0.0 for this ${owner}, a $0 cap that refuses all spend. In this provider 0 means unlimited, ` +
      `so this plan removes the cap. To block spending instead, see "Blocking spend" in docs/litellm-api.md.`,
  };
}

/** The codec of a budget argument where 0 means unlimited; removing it clears the budget (null). */
export const zeroMeansUnlimited = (): Codec => ({
  toApi: nativeBudget,
  fromApi: (v) => budgetStateFromServer(typeof v === "number" ? v : null),
  equivalent: budgetsEquivalent,
  clear: () => null,
});

/** A budget argument's plan rule: a $0 cap LiteLLM holds is removed (0 when the configuration leaves it out), and said. */
export const zeroCapPlanRule: AttributePlanRule = (name, { prior, config }, resp, noun) => {
  if (prior === null || !isZeroCap(prior[name]!)) return;
  if (config[name] === null) resp.planned[name] = 0;
  const w = zeroCapWarning(name, noun);
  resp.diagnostics.addWarning(w.summary, w.detail, attributePath(name));
};
