// For tests that build objects by hand, and drive a resource through the provider service: values of dynamic attributes written plainly (JSON text as a string,
// a map as a plain object) are wrapped as Terraform sends them, and JSON text is unwrapped again for assertions.
import { decodeDynamicValue, encodeDynamicValue } from "../protocol/codec";
import { impliedType, readSchemaDocument, type SchemaDocument } from "../framework/schema";
import schemaDocument from "../../schema/litellm.schema.json";
import type { CtyType } from "../values/cty-type";
import { dynamicOfJson, jsonOfTfValue } from "../values/json-value";
import { Dynamic, isUnknown, newObject, type TfObject, type TfValue } from "../values/value";
import { createLitellmProviderService } from "./index";

export function toWire(o: TfObject | null, type: CtyType): TfObject | null {
  if (o === null || !Array.isArray(type) || type[0] !== "object") return o;
  const attrs = type[1] as Record<string, CtyType>;
  const out = newObject(Object.entries(o));
  for (const [k, v] of Object.entries(o)) {
    if (attrs[k] !== "dynamic" || v === null || isUnknown(v) || v instanceof Dynamic) continue;
    out[k] = typeof v === "string" ? new Dynamic("string", v) : dynamicOfJson(jsonOfTfValue(v));
  }
  return out;
}

export function fromWire(o: TfObject | null): TfObject | null {
  if (o === null) return o;
  const out = newObject(Object.entries(o));
  for (const [k, v] of Object.entries(o)) if (v instanceof Dynamic && v.type === "string") out[k] = v.value;
  return out;
}

/**
 * One resource driven through the real ProviderService with values encoded as Terraform sends them: `config`
 * fills every attribute not given with null; `plan` sends Terraform's proposal (the config, with computed
 * attributes it leaves null taking their prior value) and answers the plan, the replaced paths and diagnostics.
 */
export function throughService(typeName: string) {
  const schema = readSchemaDocument(schemaDocument as SchemaDocument).resources.get(typeName)!;
  const type = impliedType(schema.block);
  const service = createLitellmProviderService();
  const config = (o: Record<string, TfValue>): TfObject => newObject(Object.entries({ ...Object.fromEntries(schema.block.attributes.map((a) => [a.name, null as TfValue])), ...o }));
  const enc = (o: TfObject | null) => encodeDynamicValue(toWire(o, type), type);
  const proposed = (cfg: TfObject, prior: TfObject | null) => {
    const p = newObject(Object.entries(cfg));
    for (const a of schema.block.attributes) if (a.computed && cfg[a.name] === null) p[a.name] = prior ? prior[a.name] : null;
    return p;
  };
  async function plan(cfg: TfObject, prior: TfObject | null, priorPrivate: Uint8Array = new Uint8Array()) {
    const res = await service.PlanResourceChange({ type_name: typeName, prior_state: enc(prior), proposed_new_state: enc(proposed(cfg, prior)), config: enc(cfg), prior_private: priorPrivate });
    return {
      planned: fromWire(decodeDynamicValue(res.planned_state, type) as TfObject)!,
      replace: res.requires_replace.map((p) => p.steps.map((s) => s.attribute_name).join(".")),
      diagnostics: res.diagnostics,
    };
  }
  return { schema, type, service, config, enc, plan };
}
