// Request models of the model-deployment and credential endpoints (reference §2.2, §3).

import { dict, str } from "./coerce";
import type { ModelSpec } from "./model";

/** Deployment: model_name and litellm_params required; model_info optional. Extra keys inside are allowed. */
export const newModelRequest: ModelSpec = {
  model_name: { coerce: str, nullable: false, required: true },
  litellm_params: { coerce: dict, nullable: false, required: true },
  model_info: { coerce: dict },
};

/** updateDeployment for PATCH /model/{id}/update: every part optional. */
export const patchModelRequest: ModelSpec = {
  model_name: { coerce: str },
  litellm_params: { coerce: dict },
  model_info: { coerce: dict },
};

export const deleteModelRequest: ModelSpec = {
  id: { coerce: str, nullable: false, required: true },
};

/** CreateCredentialItem: credential_values or model_id must be given (checked by the route). */
export const createCredentialRequest: ModelSpec = {
  credential_name: { coerce: str, nullable: false, required: true },
  credential_info: { coerce: dict, nullable: false, required: true },
  credential_values: { coerce: dict },
  model_id: { coerce: str },
};

/** CredentialItem for PATCH: every field required. */
export const updateCredentialRequest: ModelSpec = {
  credential_name: { coerce: str, nullable: false, required: true },
  credential_info: { coerce: dict, nullable: false, required: true },
  credential_values: { coerce: dict, nullable: false, required: true },
};
