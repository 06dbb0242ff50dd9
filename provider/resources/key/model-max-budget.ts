// model_max_budget in LiteLLM's shape: { "<model>": { budget_limit, time_period } } (BudgetConfig), a map of
// objects in Terraform. An empty object on LiteLLM is null in state; removing the argument sends {}.
import { numberOf, type Codec } from "../../framework/declarative";
import { isObject, newObject, type TfObject, type TfValue } from "../../values/value";

function entry(v: unknown): { budget_limit: number | null; time_period: string | null } {
  const o = v !== null && typeof v === "object" ? (v as Record<string, unknown>) : {};
  const limit = typeof o.budget_limit === "number" ? o.budget_limit : typeof o.budget_limit === "string" ? Number(o.budget_limit) : null;
  return { budget_limit: limit !== null && Number.isFinite(limit) ? limit : null, time_period: typeof o.time_period === "string" ? o.time_period : null };
}

function fromState(v: TfValue): Record<string, { budget_limit: number | null; time_period: string | null }> {
  if (!isObject(v)) return {};
  return Object.fromEntries(
    Object.entries(v).map(([model, o]) => [model, { budget_limit: isObject(o) ? numberOf(o.budget_limit ?? null) : null, time_period: isObject(o) && typeof o.time_period === "string" ? o.time_period : null }]),
  );
}

export const modelBudgets = (): Codec => ({
  toApi: (v) => fromState(v),
  fromApi(v) {
    if (v === null || typeof v !== "object" || Array.isArray(v) || Object.keys(v).length === 0) return null;
    const out: TfObject = Object.create(null);
    for (const [model, o] of Object.entries(v as Record<string, unknown>)) out[model] = newObject(Object.entries(entry(o)));
    return out;
  },
  equivalent(a, b) {
    const x = fromState(a), y = fromState(b);
    const keys = Object.keys(x);
    return keys.length === Object.keys(y).length && keys.every((k) => k in y && x[k]!.budget_limit === y[k]!.budget_limit && x[k]!.time_period === y[k]!.time_period);
  },
  clear: () => ({}),
});
