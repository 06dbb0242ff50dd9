// litellm_key: /key/generate, /key/info, /key/update, /key/delete, blocked through /key/block and /key/unblock,
// rotation by /key/regenerate (in place, enterprise licence) or by replacement. The id is the token hash.
import { randomUUID } from "node:crypto";
import { atMostOneOf, declareResource, Refusal } from "../../framework/declarative";
import { attributePath } from "../../framework/diagnostics";
import type { ResourceDefinition } from "../../framework/resource";
import { unknown, valuesEqual, type TfObject } from "../../values/value";
import type { LiteLLMClient } from "../../litellm/client";
import { managementOf } from "../../litellm/management";
import { budgetsOf } from "../../litellm/budgets";
import { describeLiteLLMError } from "../api-errors";
import { keyConstraints } from "./constraints";
import { keyAttributes } from "./declaration";
import { explainWildcardGroup } from "./wildcard-access-group";
import { durationOfLifetime, durationReadMark, isDurationRead } from "./duration";
import { ownMetadataCheck } from "../server-rules/metadata-validation";
import { ownedBudget, releaseBudgetRow } from "./budget-row";
import { readKeyPrivate, writeKeyPrivate } from "./private-state";
import { metadataArguments } from "../server-rules/metadata-attributes";

const TOKEN = /^[0-9a-f]{64}$/;

const declared = declareResource<LiteLLMClient>(
  {
    typeName: "litellm_key",
    noun: "key",
    attributes: keyAttributes,
    constraints: keyConstraints,
    checks: [
      // Every owned key with an argument of its own (tags, guardrails, per-model limits) is one on keys too.
      ownMetadataCheck(metadataArguments.filter((a) => a in keyAttributes)),
      // LiteLLM links the budget it makes for a soft_budget in place of a budget_id sent with it.
      atMostOneOf(["soft_budget", "budget_id"]),
    ],
    describeError: describeLiteLLMError,
    importHint: "the key's token hash or its key_alias",
    async importId(raw, ctx) {
      const id = raw.trim();
      if (TOKEN.test(id)) return { id };
      const found = await managementOf(ctx.client).listKeys({ key_alias: id }, ctx.signal);
      const tokens = found.filter((k) => k.key_alias === id).map((k) => k.token);
      if (tokens.length === 1 && typeof tokens[0] === "string") return { id: tokens[0] };
      throw new Refusal(
        "Cannot Import Key",
        tokens.length
          ? `Several keys have the alias ${JSON.stringify(id)}; import by token hash instead: ${tokens.join(", ")}.`
          : `No key has the alias ${JSON.stringify(id)}, and it is not a token hash (64 hexadecimal characters). Import by the key's token hash or its key_alias.`,
      );
    },
    api: {
      async create(ctx, body, planned) {
        const { key, token } = await managementOf(ctx.client).generateKey(body, ctx.signal).catch((e: unknown) => {
          throw explainWildcardGroup(e);
        });
        // The secret exists only in this answer: the planned object becomes the state.
        planned.key = key;
        return token;
      },
      read: (ctx, id) => managementOf(ctx.client).keyInfo(id, ctx.signal),
      async update(ctx, id, body) {
        const { blocked, soft_budget, ...fields } = body;
        const api = managementOf(ctx.client);
        // /key/update cannot change a soft budget: a new budget row holds it (never a budget others may share).
        let made: string | null = null;
        if (typeof soft_budget === "number") {
          made = fields.budget_id = randomUUID();
          await budgetsOf(ctx.client).create(made, { soft_budget }, ctx.signal);
        }
        try {
          if (Object.keys(fields).length > 0) await api.updateKey(id, fields, ctx.signal);
        } catch (e) {
          // The row just made is linked to nothing: it goes (best effort), and the update's error is the one told.
          if (made !== null) await budgetsOf(ctx.client).delete(made, ctx.signal).catch(() => false);
          throw explainWildcardGroup(e);
        }
        if (typeof blocked === "boolean") await api.setKeyBlocked(id, blocked, ctx.signal);
      },
      delete: (ctx, id) => managementOf(ctx.client).deleteKey(id, ctx.signal),
    },
  },
  {
    modifyPlan({ prior, config, priorPrivate }, resp) {
      const planned = resp.planned;
      // Computed only so that an imported duration can stay; a new key without one has none.
      if (prior === null && config.duration === null) planned.duration = null;
      if (prior === null) return;
      // Left out: a duration read at import stays (the key keeps its expiry); one the user removed is cleared.
      if (config.duration === null && prior.duration !== null) planned.duration = isDurationRead(priorPrivate) ? prior.duration! : null;
      if (!valuesEqual(prior.duration ?? null, planned.duration ?? null)) planned.expires = unknown;
      planBudgetLink(prior, config, planned);
      if (!rotating(prior, planned)) return;
      if (planned.rotation_in_place === true) {
        // /key/regenerate gives a new secret and a new hash; the plan shows both as known after apply.
        planned.key = unknown;
        planned.id = unknown;
        planned.key_name = unknown;
      } else {
        resp.requiresReplace.push(attributePath("rotation"));
      }
    },
  },
);

/** soft_budget and budget_id: one budget row linked to the key, made by LiteLLM for a soft_budget or named. */
function planBudgetLink(prior: TfObject, config: TfObject, planned: TfObject): void {
  if (config.budget_id === null && config.soft_budget !== null && !valuesEqual(prior.soft_budget ?? null, planned.soft_budget ?? null)) planned.budget_id = unknown;
  if (config.budget_id === null && config.soft_budget === null && prior.budget_id !== null) {
    planned.budget_id = null;
    planned.soft_budget = null;
  }
  if (config.budget_id !== null && config.soft_budget === null && !valuesEqual(prior.budget_id ?? null, planned.budget_id ?? null)) planned.soft_budget = unknown;
}

/** A soft_budget without a named budget_id: the linked row is one made for this key. */
function ownsSoftBudgetRow(config: TfObject): boolean {
  return config.soft_budget !== null && config.soft_budget !== undefined && (config.budget_id ?? null) === null;
}

function rotating(prior: TfObject, planned: TfObject): boolean {
  return !valuesEqual(prior.rotation ?? null, planned.rotation ?? null);
}

/** Update, or regenerate in place when rotation changed and rotation_in_place is set. */
const updateKey: NonNullable<ResourceDefinition<LiteLLMClient>["update"]> = async (req, resp, ctx) => {
  if (!rotating(req.prior, req.planned) || req.planned.rotation_in_place !== true) return declared.update(req, resp, ctx);
  let next;
  try {
    next = await managementOf(ctx.client).regenerateKey(req.prior.id as string, ctx.signal);
  } catch (e) {
    resp.diagnostics.addError(
      "Cannot Regenerate Key",
      `Error while regenerating key ${req.prior.id as string}: ${describeLiteLLMError(e).message} Regenerating a key in place needs a LiteLLM enterprise licence; without one, set rotation_in_place = false to replace the key instead.`,
      attributePath("rotation"),
    );
    resp.state = req.prior;
    return;
  }
  const prior: TfObject = Object.assign(Object.create(null), req.prior, { id: next.token });
  const planned: TfObject = Object.assign(Object.create(null), req.planned, { key: next.key });
  return declared.update({ ...req, prior, planned }, resp, ctx);
};

export const keyResource: ResourceDefinition<LiteLLMClient> = {
  ...declared,

  async create(req, resp, ctx) {
    await declared.create(req, resp, ctx);
    // The row LiteLLM made at /key/generate for the soft_budget is this key's alone.
    const made = resp.state?.budget_id;
    if (!resp.diagnostics.hasError() && ownsSoftBudgetRow(req.config) && typeof made === "string") {
      resp.private = writeKeyPrivate({ ...readKeyPrivate(resp.private), own_budget: made });
    }
  },

  async update(req, resp, ctx) {
    await updateKey(req, resp, ctx);
    const priv = readKeyPrivate(req.plannedPrivate);
    // A duration sent now is the user's: removing it later clears the expiry.
    if (!resp.diagnostics.hasError() && !valuesEqual(req.prior.duration ?? null, req.planned.duration ?? null)) delete priv.duration;
    const before = req.prior.budget_id ?? null;
    const after = resp.state?.budget_id ?? null;
    const released = after !== before ? ownedBudget(req.plannedPrivate, before) : null;
    // A row made now for a new soft_budget is owned; a budget_id the user names, or none, is not.
    if (after !== before) priv.own_budget = ownsSoftBudgetRow(req.config) && typeof after === "string" ? after : undefined;
    else if (!ownsSoftBudgetRow(req.config)) delete priv.own_budget;
    resp.private = writeKeyPrivate(priv);
    if (released !== null) await releaseBudgetRow(ctx, released, resp.diagnostics);
  },

  async delete(req, resp, ctx) {
    await declared.delete(req, resp, ctx);
    const own = ownedBudget(req.priorPrivate, req.prior.budget_id);
    if (!resp.diagnostics.hasError() && own !== null) await releaseBudgetRow(ctx, own, resp.diagnostics);
  },

  async importState(req, resp, ctx) {
    await declared.importState!(req, resp, ctx);
    if (!resp.state) return;
    // LiteLLM keeps no duration, only the expiry it computed: the duration it stands for, marked as read.
    resp.state.duration = durationOfLifetime(resp.state.created_at, resp.state.expires);
    if (resp.state.duration !== null) resp.private = durationReadMark();
  },
};
