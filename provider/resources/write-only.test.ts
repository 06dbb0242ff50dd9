// Write-only attributes through the provider service: served with write_only set, refused at validation when the
// client did not say it supports them (Terraform < 1.11), accepted when it did, and nulled in every plan.
import { test } from "node:test";
import assert from "node:assert/strict";
import { encodeDynamicValue, decodeDynamicValue } from "../protocol/codec";
import { newObject, type TfObject, type TfValue } from "../values/value";
import schemaDocument from "../../schema/litellm.schema.json";
import { createLitellmProviderService } from ".";
import { impliedType, readSchemaDocument, type SchemaDocument } from "../framework/schema";

const schemas = readSchemaDocument(schemaDocument as SchemaDocument);
const block = schemas.resources.get("litellm_model")!.block;
const type = impliedType(block);
const config = (o: Record<string, TfValue>): TfObject =>
  newObject(Object.entries({ ...Object.fromEntries(block.attributes.map((a) => [a.name, null as TfValue])), ...o }));
const model = config({ model_name: "gpt-4o", custom_llm_provider: "openai", base_model: "gpt-4o", model_api_key: "sk-upstream-1", model_api_key_version: "1" });

test("the schema marks model_api_key and credential_values write-only", async () => {
  const service = createLitellmProviderService();
  const res = await service.GetProviderSchema({});
  const attr = (r: string, a: string) => (res.resource_schemas?.[r]?.block?.attributes ?? []).find((x) => x.name === a);
  assert.equal(attr("litellm_model", "model_api_key")?.write_only, true);
  assert.equal(attr("litellm_credential", "credential_values")?.write_only, true);
  assert.equal(attr("litellm_model", "model_api_key_version")?.write_only, false);
});

test("a write-only argument is refused, with its path, when the client cannot handle it; accepted when it can", async () => {
  const service = createLitellmProviderService();
  const old = await service.ValidateResourceConfig({ type_name: "litellm_model", config: encodeDynamicValue(model, type) });
  assert.equal(old.diagnostics.length, 1);
  assert.equal(old.diagnostics[0]!.summary, "Write-Only Argument Needs Terraform 1.11");
  assert.deepEqual(old.diagnostics[0]!.attribute?.steps.map((s) => s.attribute_name), ["model_api_key"]);
  assert.ok(!JSON.stringify(old.diagnostics).includes("sk-upstream-1"));
  const current = await service.ValidateResourceConfig({
    type_name: "litellm_model",
    config: encodeDynamicValue(model, type),
    client_capabilities: { deferral_allowed: false, write_only_attributes_allowed: true },
  });
  assert.deepEqual(current.diagnostics, []);
  const without = await service.ValidateResourceConfig({ type_name: "litellm_model", config: encodeDynamicValue({ ...model, model_api_key: null }, type) });
  assert.deepEqual(without.diagnostics, [], "nothing to refuse when the argument is not set");
});

test("the plan holds null for a write-only argument even when the proposal carries it", async () => {
  const service = createLitellmProviderService();
  const res = await service.PlanResourceChange({
    type_name: "litellm_model",
    prior_state: encodeDynamicValue(null, type),
    proposed_new_state: encodeDynamicValue(model, type),
    config: encodeDynamicValue(model, type),
    prior_private: new Uint8Array(),
  });
  const planned = decodeDynamicValue(res.planned_state!, type) as TfObject;
  assert.equal(planned.model_api_key, null);
  assert.equal(planned.model_api_key_version, "1");
});
