// litellm_key: /key/generate, /key/info, /key/update, /key/delete, blocked through /key/block and /key/unblock,
// rotation by /key/regenerate (in place, enterprise licence) or by replacement. The id is the token hash.
import { declareResource } from "../../framework/declarative";
import { attributePath } from "../../framework/diagnostics";
import type { ResourceDefinition } from "../../framework/resource";
import { unknown, valuesEqual, type TfObject } from "../../values/value";
import type { LiteLLMClient } from "../../litellm/client";
import { managementOf } from "../../litellm/management";
import { describeLiteLLMError } from "../api-errors";
import { keyConstraints } from "./constraints";
import { keyAttributes } from "./declaration";
import { ownMetadataCheck } from "../server-rules/metadata-validation";
import { metadataArguments } from "../server-rules/metadata-arguments";

const TOKEN = /^[0-9a-f]{64}$/;

const declared = declareResource<LiteLLMClient>(
  {
    typeName: "litellm_key",
    noun: "key",
    attributes: keyAttributes,
    constraints: keyConstraints,
    // Every owned key with an argument of its own (tags, guardrails, per-model limits) is one on keys too.
    checks: [ownMetadataCheck(metadataArguments.filter((a) => a in keyAttributes))],
    describeError: describeLiteLLMError,
    importHint: "the key's token hash or its key_alias",
    api: {
      async create(ctx, body, planned) {
        const { key, token } = await managementOf(ctx.client).generateKey(body, ctx.signal);
        // The secret exists only in this answer: the planned object becomes the state.
        planned.key = key;
        return token;
      },
      read: (ctx, id) => managementOf(ctx.client).keyInfo(id, ctx.signal),
      async update(ctx, id, body) {
        const { blocked, ...fields } = body;
        const api = managementOf(ctx.client);
        if (Object.keys(fields).length > 0) await api.updateKey(id, fields, ctx.signal);
        if (typeof blocked === "boolean") await api.setKeyBlocked(id, blocked, ctx.signal);
      },
      delete: (ctx, id) => managementOf(ctx.client).deleteKey(id, ctx.signal),
    },
  },
  {
    modifyPlan({ prior }, resp) {
      if (prior === null) return;
      const planned = resp.planned;
      if (!valuesEqual(prior.duration ?? null, planned.duration ?? null)) planned.expires = unknown;
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

function rotating(prior: TfObject, planned: TfObject): boolean {
  return !valuesEqual(prior.rotation ?? null, planned.rotation ?? null);
}

export const keyResource: ResourceDefinition<LiteLLMClient> = {
  ...declared,

  async update(req, resp, ctx) {
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
  },

  async importState(req, resp, ctx) {
    const id = req.id.trim();
    if (TOKEN.test(id)) return withDefaults(declared.importState!({ id }, resp, ctx), resp);
    let found;
    try {
      found = await managementOf(ctx.client).listKeys({ key_alias: id }, ctx.signal);
    } catch (e) {
      resp.diagnostics.addError("Cannot Import Key", `Error while looking up the key with alias ${JSON.stringify(id)}: ${describeLiteLLMError(e).message}`);
      return;
    }
    const tokens = found.filter((k) => k.key_alias === id).map((k) => k.token);
    if (tokens.length !== 1 || typeof tokens[0] !== "string") {
      resp.diagnostics.addError(
        "Cannot Import Key",
        tokens.length
          ? `Several keys have the alias ${JSON.stringify(id)}; import by token hash instead: ${tokens.join(", ")}.`
          : `No key has the alias ${JSON.stringify(id)}, and it is not a token hash (64 hexadecimal characters). Import by the key's token hash or its key_alias.`,
      );
      return;
    }
    return withDefaults(declared.importState!({ id: tokens[0] }, resp, ctx), resp);
  },
};

/** After an import: the default of rotation_in_place, which LiteLLM does not keep. */
async function withDefaults(run: Promise<void>, resp: { state: TfObject | null }): Promise<void> {
  await run;
  if (resp.state) resp.state.rotation_in_place = false;
}
