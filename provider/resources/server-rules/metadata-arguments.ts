// The owned metadata keys an admin manages from Terraform, each as an argument of its own with the same meaning
// on users and teams (the names of the community provider): guardrails, tags, model_rpm_limit, model_tpm_limit.
// Each is optional and computed: left out, it keeps whatever LiteLLM holds (set in the UI, say); set, it is
// written into metadata; an empty list or map removes the key.
import { isObject, isUnknown, newObject, valuesEqual, type TfObject, type TfValue } from "../../values/value";
import { budgetNumber } from "./zero-budget";
import type { JsonObject } from "./owned-metadata";

export const metadataArguments = ["guardrails", "tags", "model_rpm_limit", "model_tpm_limit"] as const;
export type MetadataArgument = (typeof metadataArguments)[number];

const listArguments = new Set<string>(["guardrails", "tags"]);

/** State values of the arguments from the owned part of LiteLLM's metadata; absent keys are null. */
export function metadataArgumentsFromServer(owned: JsonObject): Record<MetadataArgument, TfValue> {
  const out = {} as Record<MetadataArgument, TfValue>;
  for (const a of metadataArguments) out[a] = fromJson(a, owned[a]);
  return out;
}

function fromJson(a: string, v: unknown): TfValue {
  if (listArguments.has(a)) return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : null;
  if (v === null || typeof v !== "object" || Array.isArray(v)) return null;
  const o = newObject();
  for (const [k, n] of Object.entries(v)) if (typeof n === "number") o[k] = n;
  return o;
}

/**
 * The metadata keys the plan sets, for mergeMetadata: an argument the configuration leaves out is absent (LiteLLM
 * keeps its value), an empty list or map is null (the key goes), anything else is its JSON value.
 */
export function managedMetadata(config: TfObject, planned: TfObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of metadataArguments) {
    if (config[a] === null || isUnknown(planned[a])) continue;
    const json = toJson(planned[a]);
    out[a] = isEmpty(json) ? null : json;
  }
  return out;
}

function toJson(v: TfValue): unknown {
  if (Array.isArray(v)) return v.filter((x) => typeof x === "string");
  if (v !== null && isObject(v)) {
    const o: Record<string, number> = {};
    for (const [k, n] of Object.entries(v)) {
      const num = budgetNumber(n);
      if (num !== null) o[k] = num;
    }
    return o;
  }
  return null;
}

function isEmpty(json: unknown): boolean {
  if (json === null) return true;
  if (Array.isArray(json)) return json.length === 0;
  return typeof json === "object" && Object.keys(json as object).length === 0;
}

/** An empty list or map means the same as none. */
export function metadataArgumentsEquivalent(a: TfValue, b: TfValue): boolean {
  if (isUnknown(a) || isUnknown(b)) return false;
  const ea = isEmpty(toJson(a)), eb = isEmpty(toJson(b));
  if (ea || eb) return ea === eb;
  return valuesEqual(a, b);
}

/** Whether the plan changes any of the arguments against the prior state. */
export function metadataArgumentsChanged(prior: TfObject, planned: TfObject): boolean {
  return metadataArguments.some((a) => !metadataArgumentsEquivalent(prior[a] ?? null, planned[a]));
}
