// /credentials (reference §3): create, list, read by name, PATCH (values merged with dict.update, info merged
// key by key, a different name renames) and DELETE (200 for an unknown name). Reads mask secret-looking values.

import { fastapiDetail, wrappedHttpException } from "../errors";
import { jsonResponse } from "../http-types";
import { credentialView, type CredentialRow } from "../model-rows";
import { validateBody } from "../validation/model";
import { createCredentialRequest, updateCredentialRequest } from "../validation/model-requests";
import type { RouteHandler } from "./context";

export const credentialCreate: RouteHandler = (req, ctx) => {
  const body = validateBody(req.body, createCredentialRequest);
  const name = body.credential_name as string;
  let values = body.credential_values as Record<string, unknown> | null | undefined;
  if (typeof body.model_id === "string") {
    const model = ctx.store.models.get(body.model_id);
    // llm_router.get_deployment / get_deployment_credentials: HTTPException(404, "Model not found").
    if (!model) return wrappedHttpException(404, "Model not found");
    values = Object.fromEntries(Object.entries(model.litellm_params).filter(([k]) => k.startsWith("api_") || k.startsWith("aws_") || k.startsWith("vertex_")));
  }
  if (!values) return fastapiDetail(422, [{ type: "value_error", loc: ["body"], msg: "Value error, Either credential_values or model_id must be set", input: body }]);
  // The unique constraint fails inside a handler wrapped by handle_exception_on_proxy: 500 (inferred).
  if (ctx.store.credentials.has(name)) return wrappedHttpException(500, `Unique constraint failed on the fields: (\`credential_name\`)`);
  ctx.store.credentials.set(name, { credential_name: name, credential_values: { ...values }, credential_info: { ...(body.credential_info as object) } });
  return jsonResponse(200, { success: true, message: "Credential created successfully" });
};

export const credentialList: RouteHandler = (_req, ctx) =>
  jsonResponse(200, { success: true, credentials: [...ctx.store.credentials.values()].map(credentialView) });

export const credentialByName: RouteHandler = (req, ctx) => {
  const name = req.pathParams?.[0] ?? "";
  const row = ctx.store.credentials.get(name);
  if (!row) return wrappedHttpException(404, `Credential not found. Got credential name: ${name}`);
  return jsonResponse(200, credentialView(row));
};

export const credentialUpdate: RouteHandler = (req, ctx) => {
  const name = req.pathParams?.[0] ?? "";
  const body = validateBody(req.body, updateCredentialRequest);
  const row = ctx.store.credentials.get(name);
  if (!row) return wrappedHttpException(404, "Credential not found in DB.");
  const next: CredentialRow = {
    credential_name: body.credential_name as string,
    credential_values: { ...row.credential_values, ...(body.credential_values as object) },
    credential_info: { ...row.credential_info, ...(body.credential_info as object) },
  };
  ctx.store.credentials.delete(name);
  ctx.store.credentials.set(next.credential_name, next);
  return jsonResponse(200, { success: true, message: "Credential updated successfully" });
};

export const credentialDelete: RouteHandler = (req, ctx) => {
  ctx.store.credentials.delete(req.pathParams?.[0] ?? "");
  return jsonResponse(200, { success: true, message: "Credential deleted successfully" });
};
