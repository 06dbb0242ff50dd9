import type * as tf from "../../protocol/gen/tfplugin6";
import { decodeJsonValue } from "../../protocol/codec";
import type { CtyType } from "../../values/cty-type";
import { ctyTypeOfJson } from "../../values/json-value";
import { Diagnostics } from "../diagnostics";
import { encodeObject, guarded, type ProviderRuntime } from "./runtime";
import { diagnosticsToProto, type Answer } from "./to-proto";
import { isObject, newObject, type TfObject } from "../../values/value";

/**
 * The stored JSON state, read under the current schema. Attributes added since the state was written are
 * null; attributes no longer in the schema are dropped. A dynamic attribute stored as a plain value (a state
 * another provider wrote, where `metadata` was a map) is read as that value. There is one schema version so far.
 */
export async function upgradeResourceState<C>(rt: ProviderRuntime<C>, req: tf.UpgradeResourceStateRequest): Promise<Answer<tf.UpgradeResourceStateResponseInit>> {
  const diagnostics = new Diagnostics();
  let upgraded: tf.DynamicValueInit | undefined;
  await guarded(rt.log, "UpgradeResourceState", diagnostics, () => {
    const kind = rt.resource(req.type_name, diagnostics);
    if (!kind) return;
    if (req.version > kind.schema.version) {
      diagnostics.addError(
        "State From A Newer Provider",
        `The state of this ${req.type_name} was written by a newer litellm provider (schema version ${req.version}, this one knows ${kind.schema.version}). Upgrade the provider.`,
      );
      return;
    }
    const json = req.raw_state?.json;
    if (!json || json.length === 0) {
      diagnostics.addError("Unsupported State Format", "Only JSON state is supported; this state uses the pre-0.12 flatmap format.");
      return;
    }
    const state = decodeJsonValue(withCurrentAttributesOnly(json, kind.type), kind.type);
    if (state !== null && !isObject(state)) throw new Error("stored state is not an object");
    upgraded = encodeObject((state as TfObject | null) ?? newObject(), kind.type);
  });
  return { upgraded_state: upgraded, diagnostics: diagnosticsToProto(diagnostics.items) };
}

/**
 * Drops top-level keys the current schema does not have, and gives a plain value where the schema has a dynamic
 * attribute the {"value","type"} form Terraform stores dynamic values in, without touching the other values' text.
 */
function withCurrentAttributesOnly(json: Uint8Array, type: CtyType): Uint8Array {
  if (!Array.isArray(type) || type[0] !== "object") return json;
  const known = type[1];
  const text = Buffer.from(json).toString("utf8");
  const parsed: unknown = JSON.parse(text);
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return json;
  const state = parsed as Record<string, unknown>;
  const extra = Object.keys(state).filter((k) => !(k in known));
  const plainDynamic = Object.keys(state).filter((k) => known[k] === "dynamic" && state[k] !== null && !isStoredDynamic(state[k]));
  if (extra.length === 0 && plainDynamic.length === 0) return json;
  // Only for states from another schema; no attribute here needs more than float64 precision.
  for (const k of extra) delete state[k];
  for (const k of plainDynamic) state[k] = { value: state[k], type: ctyTypeOfJson(state[k]) };
  return Buffer.from(JSON.stringify(state));
}

function isStoredDynamic(v: unknown): boolean {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const keys = Object.keys(v).sort();
  return keys.length === 2 && keys[0] === "type" && keys[1] === "value";
}
