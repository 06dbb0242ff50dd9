// litellm_credential: POST /credentials, GET /credentials/by_name/{name}, PATCH and DELETE /credentials/{name}.
// credential_values is write-only (sent on create and when credential_values_version changes). LiteLLM merges
// credential_info and credential_values on PATCH, so a removed credential_info key replaces the credential.
import { atMostOneOf, declareResource, text } from "../../framework/declarative";
import type { ResourceDefinition } from "../../framework/resource";
import { attributePath } from "../../framework/diagnostics";
import { withWriteOnlyArguments } from "../../framework/write-only-arguments";
import { isObject } from "../../values/value";
import type { LiteLLMClient } from "../../litellm/client";
import { managementOf } from "../../litellm/management";
import { describeLiteLLMError } from "../api-errors";
import { stringMap } from "../string-map";

const declared = declareResource<LiteLLMClient>(
  {
    typeName: "litellm_credential",
    noun: "credential",
    attributes: {
      credential_name: { codec: text(), forceNew: true },
      credential_info: { codec: stringMap() },
      credential_values: { codec: stringMap(), writeOnly: true },
      credential_values_version: { codec: text(), writeOnly: true, send: false },
      // Write-only in the schema: used once, at creation, to copy a deployment's credentials (see below).
      model_id: { codec: text(), writeOnly: true },
    },
    checks: [atMostOneOf(["credential_values", "model_id"])],
    constraints: { credential_name: { schema: { minLength: 1 }, expectation: "must not be empty" } },
    describeError: describeLiteLLMError,
    importHint: "the credential_name",
    api: {
      async create(ctx, body) {
        const name = body.credential_name as string;
        // With model_id LiteLLM copies that deployment's credentials (llm_router.get_deployment_credentials).
        const values = typeof body.model_id === "string" ? {} : { credential_values: {} };
        await managementOf(ctx.client).createCredential({ credential_info: {}, ...values, ...body }, ctx.signal);
        return name;
      },
      read: (ctx, id) => managementOf(ctx.client).credential(id, ctx.signal),
      async update(ctx, id, body, planned) {
        // PATCH needs the whole CredentialItem; empty maps leave the stored entries as they are.
        const info = isObject(planned.credential_info) ? Object.fromEntries(Object.entries(planned.credential_info)) : {};
        await managementOf(ctx.client).updateCredential(id, { credential_name: id, credential_info: info, credential_values: {}, ...body }, ctx.signal);
      },
      delete: (ctx, id) => managementOf(ctx.client).deleteCredential(id, ctx.signal),
    },
  },
  {
    modifyPlan({ prior, config, priorPrivate }, resp) {
      if (prior === null) return;
      const copied = copiedFrom(priorPrivate);
      if (copied !== undefined && typeof config.model_id === "string" && config.model_id !== copied) {
        resp.diagnostics.addWarning(
          "Model ID Acts Only At Creation",
          `This credential copied the credentials of deployment ${copied} when it was created; LiteLLM keeps no link to it, so a new model_id changes nothing. Replace the credential (terraform apply -replace) to copy from ${config.model_id}.`,
          attributePath("model_id"),
        );
      }
      const was = isObject(prior.credential_info) ? Object.keys(prior.credential_info) : [];
      const now = isObject(config.credential_info) ? config.credential_info : {};
      const removed = was.filter((k) => !(k in now));
      if (removed.length === 0) return;
      resp.requiresReplace.push(attributePath("credential_info"));
      resp.diagnostics.addWarning(
        "Removing Credential Info Replaces The Credential",
        `LiteLLM merges credential_info on update and cannot remove ${removed.join(", ")}, so the credential is replaced. Models that name it keep working once the new one exists.`,
        attributePath("credential_info"),
      );
    },
  },
);

const withValues = withWriteOnlyArguments(declared, [{ attribute: "credential_values", version: "credential_values_version" }]);

/** Private state: the deployment a credential copied at creation, to warn when the configuration names another. */
function copiedFrom(priv: Uint8Array): string | undefined {
  try {
    const v = (JSON.parse(new TextDecoder().decode(priv)) as { model_id?: unknown }).model_id;
    return typeof v === "string" ? v : undefined;
  } catch {
    return undefined;
  }
}

export const credentialResource: ResourceDefinition<LiteLLMClient> = {
  ...withValues,
  async create(req, resp, ctx) {
    const modelId = typeof req.config.model_id === "string" ? req.config.model_id : null;
    await withValues.create({ ...req, planned: Object.assign(Object.create(null), req.planned, { model_id: modelId }) }, resp, ctx);
    if (modelId !== null && resp.state) resp.private = new TextEncoder().encode(JSON.stringify({ model_id: modelId }));
  },
};
