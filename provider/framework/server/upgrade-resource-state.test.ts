// UpgradeResourceState on states other providers wrote: metadata as a plain map where the schema has a dynamic
// attribute, and attributes this schema does not have.
import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeDynamicValue } from "../../protocol/codec";
import { Dynamic, type TfObject } from "../../values/value";
import { impliedType, readSchemaDocument, type SchemaDocument } from "../schema";
import schemaDocument from "../../../schema/litellm.schema.json";
import { createLitellmProviderService } from "../../resources/index";

const service = createLitellmProviderService();
const schemas = readSchemaDocument(schemaDocument as SchemaDocument);

async function upgrade(typeName: string, state: Record<string, unknown>) {
  const res = await service.UpgradeResourceState({ type_name: typeName, version: 0, raw_state: { json: Buffer.from(JSON.stringify(state)), flatmap: {} } });
  const type = impliedType(schemas.resources.get(typeName)!.block);
  return { diagnostics: res.diagnostics, state: res.upgraded_state ? (decodeDynamicValue(res.upgraded_state, type) as TfObject) : null };
}

test("a peer's user state: metadata as a map becomes a dynamic object value, extra attributes are dropped", async () => {
  const { diagnostics, state } = await upgrade("litellm_user", {
    id: "u1", user_id: "u1", user_email: "a@b.co", metadata: { department: "engineering" }, teams: ["t1"], key: "sk-x",
    guardrails_extra: ["x"], user_role: "internal_user",
  });
  assert.deepEqual(diagnostics, []);
  assert.ok(state!.metadata instanceof Dynamic);
  assert.equal(JSON.stringify((state!.metadata as Dynamic).type), JSON.stringify(["object", { department: "string" }]));
  assert.equal((state!.metadata as Dynamic).value && (((state!.metadata as Dynamic).value) as TfObject).department, "engineering");
  assert.deepEqual(state!.teams, ["t1"]);
  assert.equal("guardrails_extra" in state!, false);
});

test("our own stored dynamic form is read as it is, and JSON text stays text", async () => {
  const stored = await upgrade("litellm_team", { id: "t1", team_id: "t1", metadata: { value: '{"a":1}', type: "string" }, router_settings: { fallbacks: [] } });
  assert.deepEqual(stored.diagnostics, []);
  assert.deepEqual(stored.state!.metadata, new Dynamic("string", '{"a":1}'));
  assert.equal(JSON.stringify((stored.state!.router_settings as Dynamic).type), JSON.stringify(["object", { fallbacks: ["tuple", []] }]));
});
