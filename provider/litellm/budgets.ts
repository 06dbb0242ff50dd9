// LiteLLM's /budget endpoints (docs/litellm-api.md, "Budgets"). Rows come back as LiteLLM's JSON objects;
// the resources map their fields. Errors arrive as {"detail": {"error": ...}}.
import { isLiteLLMError } from "./errors";
import { expectObject, malformed } from "./answers";
import type { Transport } from "./transport";

export type ApiRow = Record<string, unknown>;


/** The budget columns a request may carry. */
export interface BudgetFields {
  max_budget?: number | null;
  soft_budget?: number | null;
  max_parallel_requests?: number | null;
  tpm_limit?: number | null;
  rpm_limit?: number | null;
  budget_duration?: string | null;
  model_max_budget?: Record<string, unknown> | null;
}

export class LiteLLMBudgets {
  constructor(private readonly http: Transport) {}

  /**
   * POST /budget/new with the caller's budget_id, which makes a retry safe: an earlier attempt that landed makes
   * the retry a duplicate (400), and reading the budget settles it.
   */
  async create(budgetId: string, fields: BudgetFields, signal?: AbortSignal): Promise<void> {
    try {
      await this.http.send({ method: "POST", path: "/budget/new", body: { ...fields, budget_id: budgetId }, idempotent: true, signal });
    } catch (e) {
      if (!isLiteLLMError(e) || !e.retried || e.status !== 400 || (await this.info(budgetId, signal)) === null) throw e;
    }
  }

  /** POST /budget/info for one id; null when LiteLLM has no such budget (it leaves unknown ids out). */
  async info(budgetId: string, signal?: AbortSignal): Promise<ApiRow | null> {
    const res = await this.http.send({ method: "POST", path: "/budget/info", body: { budgets: [budgetId] }, idempotent: true, signal });
    if (!Array.isArray(res.body)) throw malformed("POST", "/budget/info", "the answer is not a list");
    const row = res.body.find((b) => b && typeof b === "object" && (b as ApiRow).budget_id === budgetId);
    return (row as ApiRow | undefined) ?? null;
  }

  /** POST /budget/update. LiteLLM answers 200 null for an unknown id: that is reported as a 404. */
  async update(budgetId: string, fields: BudgetFields, signal?: AbortSignal): Promise<void> {
    const res = await this.http.send({ method: "POST", path: "/budget/update", body: { ...fields, budget_id: budgetId }, idempotent: true, signal });
    if (res.body === null) throw malformed("POST", "/budget/update", `LiteLLM has no budget ${budgetId}`);
    expectObject(res.body, "POST", "/budget/update");
  }

  /** POST /budget/delete; false when LiteLLM no longer had it (it answers 200 null then). */
  async delete(budgetId: string, signal?: AbortSignal): Promise<boolean> {
    const res = await this.http.send({ method: "POST", path: "/budget/delete", body: { id: budgetId }, idempotent: true, signal });
    return res.body !== null;
  }
}

export function budgetsOf(client: Transport): LiteLLMBudgets {
  return new LiteLLMBudgets(client);
}
