// Key fields LiteLLM keeps inside metadata rather than in their own columns (reference §1.3): on create and
// update each non-null one is written to metadata[<field>]; the premium ones need an enterprise licence.

import { Reply } from "../http-types";
import type { ModelValues } from "../validation/model";
import { premiumFieldRefused } from "./licence";

const METADATA_FIELDS = ["model_rpm_limit", "model_tpm_limit", "rpm_limit_type", "tpm_limit_type", "enforced_params"] as const;
const PREMIUM_METADATA_FIELDS = ["tags", "guardrails", "policies", "prompts"] as const;

/**
 * The metadata a create or update stores: the body's metadata when sent (it replaces the stored object),
 * else the stored one, with the moved fields merged on top. undefined when nothing touches metadata.
 */
export function keyMetadataFrom(body: ModelValues, stored: Record<string, unknown> | undefined, enterprise: boolean): Record<string, unknown> | undefined {
  const sentMetadata = body.metadata !== undefined && body.metadata !== null;
  const moved: Record<string, unknown> = {};
  for (const field of PREMIUM_METADATA_FIELDS) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    // LiteLLM checks only truthy values, so an empty list passes without a licence.
    if (!enterprise && !(Array.isArray(value) && value.length === 0)) throw new Reply(premiumFieldRefused(field));
    moved[field] = value;
  }
  for (const field of METADATA_FIELDS) if (body[field] !== undefined && body[field] !== null) moved[field] = body[field];
  if (!sentMetadata && Object.keys(moved).length === 0) return undefined;
  const base = sentMetadata ? (body.metadata as Record<string, unknown>) : (stored ?? {});
  return { ...base, ...moved };
}
