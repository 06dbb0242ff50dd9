// The plan rules a declaration implies (its attributes' own planRule included), run after the framework's own
// (defaults, unknown computed values).
import { isUnknown, unknown, valuesEqual, type TfObject } from "../../values/value";
import { attributePath } from "../diagnostics";
import type { PlanRequest, PlanResponse } from "../resource";
import type { AttributeDeclaration, ResourceDeclaration } from "./declaration";
import { same, show } from "./mapping";

export function derivedPlan<C, P>(decl: ResourceDeclaration<C, P>, req: PlanRequest, resp: PlanResponse): void {
  const { prior, config } = req;
  const planned = resp.planned;
  if (prior === null) return runPlanRules(decl, req, resp);
  const ids = decl.idAttributes ?? ["id"];
  for (const [name, a] of Object.entries(decl.attributes)) {
    if (a.computed) continue;
    const cfg = config[name], was = prior[name];
    // Same meaning, other spelling: keep what state has, so that nothing changes. A null in state may stay when
    // the configuration leaves the attribute out and the codec says its default means none (no role: the default).
    if (planned[name] !== null && (was !== null || cfg === null) && same(a, planned[name]!, was!)) planned[name] = was!;
    if (cfg === null && was !== null && !serverDefault(a, config)) {
      if (a.whenRemoved === "replace") {
        resp.requiresReplace.push(attributePath(name));
        resp.diagnostics.addWarning(
          "Removing This Replaces The Object",
          `LiteLLM cannot clear ${name} of ${a_(decl.noun)} (it is ${show(was!)} now), so removing it from the configuration replaces the ${decl.noun}. Keep the value to update in place.`,
          attributePath(name),
        );
      } else if (a.whenRemoved === "keep") {
        planned[name] = was!;
        resp.diagnostics.addWarning(
          "LiteLLM Keeps This Value",
          `LiteLLM cannot clear ${name} of ${a_(decl.noun)}: it stays ${show(was!)}, and state keeps showing it. Set another value to change it, or replace the ${decl.noun} to remove it.`,
          attributePath(name),
        );
      }
    }
    if (a.forceNew && (isUnknown(cfg) || (cfg !== null && !same(a, planned[name]!, was!)))) resp.requiresReplace.push(attributePath(name));
  }
  // Before the volatile values: a rule that changes the plan (removing a $0 cap) is a change like any other.
  runPlanRules(decl, req, resp);
  const replacing = resp.requiresReplace.length > 0;
  const changed = Object.entries(decl.attributes).some(([name, a]) => !a.computed && !valuesEqual(planned[name]!, prior[name]!));
  for (const [name, a] of Object.entries(decl.attributes)) {
    if (replacing && (a.computed || (serverDefault(a, config) && config[name] === null))) planned[name] = unknown;
    else if (changed && a.volatile) planned[name] = unknown;
  }
  if (replacing) for (const id of ids) if (!(id in decl.attributes) || decl.attributes[id]!.computed) planned[id] = unknown;
}

function runPlanRules<C, P>(decl: ResourceDeclaration<C, P>, req: PlanRequest, resp: PlanResponse): void {
  for (const [name, a] of Object.entries(decl.attributes)) a.planRule?.(name, req, resp, decl.noun);
}

function serverDefault(a: AttributeDeclaration, config: TfObject): boolean {
  return typeof a.serverDefault === "function" ? a.serverDefault(config) : a.serverDefault === true;
}

/** "a budget", "an organization". */
function a_(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`;
}
