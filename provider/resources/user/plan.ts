// litellm_user's own plan rules, on top of what its declaration derives: what happens to the key the user owns,
// which a plan says before anything is sent, and the teams it may join.
import { isUnknown, unknown, valuesEqual, type TfObject } from "../../values/value";
import { attributePath, type Diagnostics } from "../../framework/diagnostics";
import type { HandlerContext, PlanRequest, PlanResponse } from "../../framework/resource";
import type { LiteLLMClient } from "../../litellm/client";
import { bool, str } from "../attribute-values";
import { sameDuration } from "../key/duration";
import { keySettingAttributes } from "./declaration";
import { privateOf, type UserPrivateState } from "./key-state";
import { refuseMixedMemberships } from "./teams";

export async function planUserKeyAndTeams(req: PlanRequest, resp: PlanResponse, ctx?: HandlerContext<LiteLLMClient>): Promise<void> {
  const { prior, config } = req;
  const p = resp.planned;
  if (prior === null) {
    // LiteLLM's defaults fill none of these: a new user has them only if the configuration sets them.
    for (const a of ["max_parallel_requests", "model_max_budget"]) if (config[a] === null) p[a] = null;
    // A new user is in no team unless `teams` says so (a litellm_team_member adds it later, and shows there).
    if (config.teams === null) p.teams = null;
    p.key = bool(p, "auto_create_key") === true || isUnknown(p.auto_create_key) ? unknown : null;
    resp.plannedPrivate = new Uint8Array(0);
    return;
  }
  planKey(req, prior, resp);
  await refuseMixedMemberships(ctx, config, prior, resp.diagnostics);
}

function planKey(req: PlanRequest, prior: TfObject, resp: PlanResponse): void {
  const p = resp.planned;
  const priv = privateOf(req.priorPrivate, prior);
  if (isUnknown(p.auto_create_key) || isUnknown(p.key_alias) || isUnknown(p.key_duration)) p.key = unknown;
  else if (bool(p, "auto_create_key") === true) {
    if (keyNeedsReissue(prior, p, priv)) p.key = unknown;
  } else {
    p.key = null;
    if (priv.keyToken !== null) {
      resp.diagnostics.addWarning(
        "The User's Key Will Be Deleted",
        `auto_create_key is now false, so applying this plan deletes the user's key${prior.key_alias ? ` ${JSON.stringify(prior.key_alias)}` : ""} from LiteLLM.`,
        attributePath("auto_create_key"),
      );
    }
  }
  if (!valuesEqual(p.key, prior.key)) {
    // A key issued or deleted is a change like any other: LiteLLM may stamp the user, and spend moves.
    p.updated_at = unknown;
    p.spend = unknown;
  }
}

function keyNeedsReissue(prior: TfObject, planned: TfObject, priv: UserPrivateState): boolean {
  if (bool(prior, "auto_create_key") !== true) return true;
  if (priv.keyToken === null) return true;
  if (!valuesEqual(prior.key_alias, planned.key_alias)) return true;
  // LiteLLM keeps these on the key, not the user: a new key carries the new ones.
  for (const a of keySettingAttributes) if (!valuesEqual(prior[a], planned[a]) && !(a === "blocked" && (prior[a] === true) === (planned[a] === true))) return true;
  const a = str(prior, "key_duration"), b = str(planned, "key_duration");
  if (a === null || b === null) return a !== b;
  return !sameDuration(a, b);
}

/** Key settings without auto_create_key = true create nothing: said at validate time. */
export function warnKeySettingsWithoutKey(config: TfObject, diagnostics: Diagnostics): void {
  if (bool(config, "auto_create_key") === true || isUnknown(config.auto_create_key)) return;
  for (const a of ["key_alias", "key_duration"]) {
    if (config[a] !== null && !isUnknown(config[a])) {
      diagnostics.addWarning("Key Setting Without A Key", `${a} only applies when auto_create_key = true; without it no key is created.`, attributePath(a));
    }
  }
}
