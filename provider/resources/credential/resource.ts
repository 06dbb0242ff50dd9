// litellm_credential: POST /credentials, GET /credentials/by_name/{name}, PATCH and DELETE /credentials/{name}.
// credential_values is write-only (sent on create and when credential_values_version changes). LiteLLM merges
// credential_info and credential_values on PATCH, so a removed credential_info key replaces the credential.
import { declareResource, text } from "../../framework/declarative";
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
    },
    constraints: { credential_name: { schema: { minLength: 1 }, expectation: "must not be empty" } },
    describeError: describeLiteLLMError,
    importHint: "the credential_name",
    api: {
      async create(ctx, body) {
        const name = body.credential_name as string;
        await managementOf(ctx.client).createCredential({ credential_info: {}, credential_values: {}, ...body }, ctx.signal);
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
    modifyPlan({ prior, config }, resp) {
      if (prior === null) return;
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

export const credentialResource = withWriteOnlyArguments(declared, [{ attribute: "credential_values", version: "credential_values_version" }]);
