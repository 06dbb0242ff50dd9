// Rules the framework applies around resource handlers so that Terraform's contract holds.
import { isUnknown, isObject, newObject, unknown, type TfObject, type TfValue } from "../../values/value";
import type { BlockSchema } from "../schema";

/** A state must be wholly known; anything a handler left unknown becomes null. */
export function replaceUnknownWithNull(o: TfObject): TfObject {
  const out = newObject();
  for (const [k, v] of Object.entries(o)) out[k] = deepKnown(v);
  return out;
}

function deepKnown(v: TfValue): TfValue {
  if (isUnknown(v)) return null;
  if (Array.isArray(v)) return v.map(deepKnown);
  if (isObject(v)) return replaceUnknownWithNull(v);
  return v;
}

/** Every attribute of the block, taken from `o` where present and null otherwise. */
export function completeObject(block: BlockSchema, o: TfObject): TfObject {
  const out = newObject();
  for (const a of block.attributes) out[a.name] = a.name in o ? o[a.name] : null;
  for (const b of block.blockTypes) out[b.typeName] = b.typeName in o ? o[b.typeName] : b.nesting === "single" ? null : [];
  return out;
}

/**
 * The starting plan: Terraform's proposal, with defaults where the config is null, and on create every
 * computed attribute the config leaves null marked unknown (the resource may narrow that down).
 */
export function initialPlan(
  block: BlockSchema,
  proposed: TfObject,
  config: TfObject,
  prior: TfObject | null,
  defaults: Record<string, string | number | boolean> = {},
): TfObject {
  const planned = newObject(Object.entries(proposed));
  for (const a of block.attributes) {
    if (!a.computed || config[a.name] !== null) continue;
    if (a.name in defaults) planned[a.name] = defaults[a.name];
    else if (prior === null) planned[a.name] = unknown;
  }
  return planned;
}

/** Write-only attributes are null in every plan and state Terraform receives; only the config carries them. */
export function withoutWriteOnly(block: BlockSchema, o: TfObject): TfObject {
  if (!block.attributes.some((a) => a.writeOnly)) return o;
  const out = newObject(Object.entries(o));
  for (const a of block.attributes) if (a.writeOnly) out[a.name] = null;
  return out;
}
