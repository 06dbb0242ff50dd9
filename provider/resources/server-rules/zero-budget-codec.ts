// The budget codec for zero-budget.ts's rule: 0 is unlimited (sent as null, and no budget reads as 0); a 0.0
// LiteLLM holds is a $0 cap, null in state, which the plan removes with a warning on the attribute.
import { optionalAmount, type Codec } from "../../framework/declarative";
import { zeroCapWarning } from "./zero-budget";

export function zeroBudget(attribute: string, owner: string): Codec {
  return { ...optionalAmount({ zeroCapIsDrift: true }), drift: (state) => (state === null ? { value: 0, ...zeroCapWarning(attribute, owner) } : undefined) };
}
