// Cross-attribute rules of a configuration, checked at validate time with the attribute's path and no API call.
// Like terraform-plugin-framework-validators, each skips values not known yet.
import { isUnknown, type TfObject } from "../values/value";
import { attributePath, type Diagnostics } from "./diagnostics";

export type ConfigCheck = (config: TfObject, diagnostics: Diagnostics) => void;

const list = (names: readonly string[]) => (names.length === 2 ? `${names[0]} and ${names[1]}` : names.join(", "));

/** Exactly one of the attributes must be set; `purpose` ends "Set a or b to ...". */
export function exactlyOneOf(names: readonly string[], purpose = "choose the object"): ConfigCheck {
  return (config, diagnostics) => {
    if (names.some((n) => isUnknown(config[n]))) return;
    const given = names.filter((n) => config[n] !== null && config[n] !== undefined);
    if (given.length === 1) return;
    diagnostics.addError(
      `Give Exactly One Of ${names.join(" And ")}`,
      given.length === 0 ? `Set ${names.join(" or ")} to ${purpose}.` : `Set only one of ${list(given)}.`,
      attributePath(given.length ? given[given.length - 1]! : names[0]!),
    );
  };
}

/** At most one of the attributes may be set. */
export function atMostOneOf(names: readonly string[]): ConfigCheck {
  return (config, diagnostics) => {
    const given = names.filter((n) => config[n] !== null && config[n] !== undefined && !isUnknown(config[n]));
    if (given.length > 1) {
      diagnostics.addError(`Conflicting Attributes`, `Set only one of ${list(given)}.`, attributePath(given[given.length - 1]!));
    }
  };
}

/** `dependent` makes sense only together with `on`. */
export function requiresAlso(dependent: string, on: string): ConfigCheck {
  return (config, diagnostics) => {
    if (isUnknown(config[dependent]) || isUnknown(config[on])) return;
    if (config[dependent] !== null && config[on] === null) {
      diagnostics.addError("Missing Attribute", `${dependent} needs ${on} to be set too.`, attributePath(dependent));
    }
  };
}

/** At least one of the attributes must be set (several may be, when they name the same thing). */
export function atLeastOneOf(names: readonly string[], purpose = "choose the object", summary = `Missing ${names.join(" Or ")}`): ConfigCheck {
  return (config, diagnostics) => {
    if (names.some((n) => isUnknown(config[n]))) return;
    if (names.some((n) => config[n] !== null && config[n] !== undefined)) return;
    diagnostics.addError(summary, `Set ${names.slice(0, -1).join(", ")}, ${names[names.length - 1]}, or ${names.length === 2 ? "both" : "several"} to ${purpose}.`, attributePath(names[0]!));
  };
}
