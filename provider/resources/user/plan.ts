// litellm_user planning: what a change will do, said in the plan before anything is sent to LiteLLM.
import { isUnknown, unknown, valuesEqual, type TfObject, type TfValue } from "../../values/value";
import { attributePath, type Diagnostics } from "../../framework/diagnostics";
import type { HandlerContext, PlanRequest, PlanResponse } from "../../framework/resource";
import { privateOf, type UserPrivateState } from "./key-state";
import { shown } from "./messages";
import type { LiteLLMClient } from "../../litellm/client";
import { isEmptyJsonObject } from "../json-object-argument";
import { same } from "../../framework/declarative";
import { bool, keySettingAttributes, str, teamsEquivalent } from "./model";
import { rowArguments, serverFilledUserAttributes, userAttributes } from "./declaration";
import { sameDuration } from "../key/duration";
import { refuseMixedMemberships } from "./teams";
import { planServerFilled } from "../server-rules/server-filled";
import { isZeroCap, zeroCapWarning } from "../server-rules/zero-budget";

export async function planUserChange(req: PlanRequest, resp: PlanResponse, ctx?: HandlerContext<LiteLLMClient>): Promise<void> {
  if (req.prior === null) return planCreate(req, resp);
  planUpdate(req, req.prior, resp);
  await refuseMixedMemberships(ctx, req.config, req.prior, resp.diagnostics);
}

const computedRowAttributes = new Set<string>(["user_role", ...serverFilledUserAttributes]);

function planCreate(req: PlanRequest, resp: PlanResponse): void {
  const p = resp.planned;
  // What the configuration leaves out, the proxy's defaults may fill: known after apply.
  planServerFilled(req.config, null, p, serverFilledUserAttributes);
  // LiteLLM's defaults fill none of these: a new user has them only if the configuration sets them.
  for (const a of ["max_parallel_requests", "model_max_budget"]) if (req.config[a] === null) p[a] = null;
  // A new user is in no team unless `teams` says so (a litellm_team_member adds it later, and shows there).
  if (req.config.teams === null) p.teams = null;
  p.key = bool(p, "auto_create_key") === true || isUnknown(p.auto_create_key) ? unknown : null;
  resp.plannedPrivate = new Uint8Array(0);
}

function planUpdate(req: PlanRequest, prior: TfObject, resp: PlanResponse): void {
  const { config } = req;
  const p = resp.planned;

  const configuredUserId = config.user_id;
  if (configuredUserId !== null && !isUnknown(configuredUserId) && !valuesEqual(configuredUserId, prior.user_id)) {
    resp.requiresReplace.push(attributePath("user_id"));
  }

  // Left out of the configuration: LiteLLM's value stays (a proxy default, or one set in the UI).
  planServerFilled(config, prior, p, serverFilledUserAttributes);
  if (isZeroCap(prior.max_budget) && (config.max_budget === null || p.max_budget !== null)) {
    // A $0 cap blocks all spend; 0 here means unlimited, so the plan removes it.
    if (config.max_budget === null) p.max_budget = 0;
    const w = zeroCapWarning("max_budget", "user");
    resp.diagnostics.addWarning(w.summary, w.detail, attributePath("max_budget"));
  }
  for (const a of rowArguments) {
    // Same meaning, other spelling (defaults included): keep what state has, so that nothing changes.
    // A value the config sets may only give way to a non-null prior; a computed one the config leaves out may
    // keep a null prior (a user created without a role has LiteLLM's default role, internal_user).
    const mayKeepPrior = prior[a] !== null || (config[a] === null && computedRowAttributes.has(a));
    if (p[a] !== null && mayKeepPrior && same(userAttributes[a]!, p[a]!, prior[a]!)) p[a] = prior[a]!;
  }
  if (p.teams !== null && prior.teams !== null && teamsEquivalent(p.teams!, prior.teams!)) p.teams = prior.teams!;
  if (config.send_invite_email !== null && !isUnknown(config.send_invite_email) && !valuesEqual(config.send_invite_email, prior.send_invite_email)) {
    resp.diagnostics.addWarning(
      "Invitation Only At Creation",
      "send_invite_email only acts when the user is created; changing it now sends nothing. State records the new value.",
      attributePath("send_invite_email"),
    );
  }
  // The same key lifetime in another spelling (720h for 30d) is no change either.
  const lifetime = str(p, "key_duration"), priorLifetime = str(prior, "key_duration");
  if (lifetime !== null && priorLifetime !== null && sameDuration(lifetime, priorLifetime)) p.key_duration = priorLifetime;

  cannotEmpty(config, prior, "models", (v) => Array.isArray(v) && v.length === 0, resp.diagnostics);
  for (const a of ["metadata", "model_max_budget"]) cannotEmpty(config, prior, a, (v) => isEmptyJsonObject(v as TfValue), resp.diagnostics);

  // The key.
  const priv = privateOf(req.priorPrivate, prior);
  const wantsKey = bool(p, "auto_create_key");
  if (isUnknown(p.auto_create_key) || isUnknown(p.key_alias) || isUnknown(p.key_duration)) p.key = unknown;
  else if (wantsKey) {
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

  const changing = [...rowArguments, "teams", "auto_create_key", "key_alias", "key_duration", "key"].some((a) => !valuesEqual(p[a], prior[a]));
  if (changing) {
    // LiteLLM stamps the update, and spend moves with traffic at any time.
    p.updated_at = unknown;
    p.spend = unknown;
  }
}

function cannotEmpty(config: TfObject, prior: TfObject, a: string, isEmpty: (v: unknown) => boolean, diagnostics: Diagnostics): void {
  if (isEmpty(config[a]) && prior[a] !== null && !isEmpty(prior[a])) {
    diagnostics.addError(
      "LiteLLM Cannot Empty This Attribute",
      `${a} is set to an empty value, but LiteLLM's /user/update ignores empty values, so ${a} would stay ${shown(prior[a])} on the server. Remove ${a} from the configuration to leave it as it is, or list the values you want.`,
      attributePath(a),
    );
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
