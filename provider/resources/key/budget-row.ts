// The budget row a key owns: the one LiteLLM made at /key/generate for its soft_budget, or one the provider made
// when the soft_budget changed (/key/update cannot change it). Such a row is deleted once the key no longer uses it
// (a new soft budget, budget_id named instead, both removed, or the key destroyed), so none is left behind unused.
// Ownership is recorded in private state, never guessed: an imported key, or a budget_id the user named, owns no
// row. LiteLLM does not refuse deleting a budget keys still use (their budget_id is set to null), so before a
// delete the keys are listed (bounded, as every listing) and the row stays when any key still names it.
import type { Diagnostics } from "../../framework/diagnostics";
import type { LiteLLMClient } from "../../litellm/client";
import { budgetsOf } from "../../litellm/budgets";
import { managementOf } from "../../litellm/management";
import { describeLiteLLMError } from "../api-errors";
import { readKeyPrivate } from "./private-state";

/** The row the key owns, when it is still the one linked as budget_id. */
export function ownedBudget(priv: Uint8Array, linked: unknown): string | null {
  const own = readKeyPrivate(priv).own_budget;
  return typeof own === "string" && own === linked ? own : null;
}

interface Ctx {
  client: LiteLLMClient;
  signal?: AbortSignal;
}

/**
 * Deletes a row the key owned and no longer uses, unless some key still names it. A failure is a warning: the
 * key's own change happened, and the row only stays behind unused.
 */
export async function releaseBudgetRow(ctx: Ctx, budgetId: string, diagnostics: Diagnostics): Promise<void> {
  const kept = (why: string) =>
    diagnostics.addWarning("Budget Row Kept", `The budget row ${budgetId} that this key's soft_budget used stays on LiteLLM: ${why}`);
  try {
    const users = (await managementOf(ctx.client).listKeys({}, ctx.signal)).filter((k) => k.budget_id === budgetId);
    if (users.length > 0) return kept(`${users.length === 1 ? "another key uses" : `${users.length} other keys use`} it.`);
    await budgetsOf(ctx.client).delete(budgetId, ctx.signal);
  } catch (e) {
    kept(`${describeLiteLLMError(e).message} Delete it with POST /budget/delete {"id": "${budgetId}"} once nothing uses it.`);
  }
}
