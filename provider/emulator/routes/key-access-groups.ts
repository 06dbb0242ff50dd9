// _check_model_access_group (key_management_endpoints.py), run by common_key_access_checks: without an
// enterprise licence, a name in a key's `models` that is a model access group of a wildcard route is refused
// with 403. Router._is_model_access_group_for_wildcard_route: a group is one when a deployment in it has a
// model_name the pattern router routes, i.e. one matching a wildcard deployment's name (`openai/*`).

import { Reply } from "../http-types";
import type { ModelValues } from "../validation/model";
import type { RouteContext } from "./context";
import { wrappedHttpException } from "../errors";
import { allGroups } from "./model-access-groups";
import { NOT_PREMIUM } from "./team-member-errors";

/** A wildcard deployment name as the pattern router matches it: each `*` stands for any text. */
function wildcardPattern(name: string): RegExp {
  return new RegExp(`^${name.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("(.*)")}$`);
}

function wildcardGroups(ctx: RouteContext): Set<string> {
  const patterns = [...ctx.store.models.values()].filter((m) => m.model_name.includes("*")).map((m) => wildcardPattern(m.model_name));
  const out = new Set<string>();
  if (patterns.length === 0) return out;
  for (const [group, names] of allGroups(ctx)) if (names.some((n) => patterns.some((p) => p.test(n)))) out.add(group);
  return out;
}

/** Throws LiteLLM's 403 (through handle_exception_on_proxy) for a wildcard access group in `models`. */
export function checkWildcardAccessGroups(body: ModelValues, ctx: RouteContext): void {
  if (ctx.enterprise || !Array.isArray(body.models) || body.models.length === 0) return;
  const groups = wildcardGroups(ctx);
  if (!(body.models as unknown[]).some((m) => typeof m === "string" && groups.has(m))) return;
  throw new Reply(
    wrappedHttpException(403, { error: `Setting a model access group on a wildcard model is only available for LiteLLM Enterprise users.${NOT_PREMIUM}` }),
  );
}
