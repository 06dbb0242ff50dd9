// Answers for features LiteLLM keeps for enterprise licences (premium_user), reference "Licence-gated features".

import { wrappedHttpException, wrappedServerError } from "../errors";
import type { EmuResponse } from "../http-types";
import { NOT_PREMIUM } from "./team-member-errors";

/** _premium_user_check through handle_exception_on_proxy: 403 with the repr of {"error": ...}. */
export function premiumFieldRefused(field: string): EmuResponse {
  return wrappedHttpException(403, { error: `This feature is only available for LiteLLM Enterprise users: ${field}. ${NOT_PREMIUM}` });
}

/** regenerate_key_fn's ValueError, answered 500. */
export function regenerateNeedsLicence(): EmuResponse {
  return wrappedServerError(`Regenerating Virtual Keys is an Enterprise feature, ${NOT_PREMIUM}`);
}
