// The declarative framework through the real ProviderService: a small widget API kept in memory, values
// encoded as Terraform sends them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeDynamicValue, encodeDynamicValue } from "../../protocol/codec";
import { isUnknown, newObject, type TfObject, type TfValue } from "../../values/value";
import { createProviderService } from "../server/provider-service";
import { impliedType, readSchemaDocument, type SchemaDocument } from "../schema";
import type { ProviderDefinition } from "../resource";
import { bool, declareDataSource, declareResource, exactlyOneOf, jsonObjectText, number, optionalAmount, spelledText, stringList, text, type Remote } from "./index";

class Widgets {
  rows = new Map<string, Remote>();
  calls: { op: string; body?: Record<string, unknown> }[] = [];
  /** Fields the server silently drops (to see a read-back check fail). */
  ignore = new Set<string>();
  next = 1;
}

const attr = (type: unknown, flags: Record<string, boolean>) => ({ type, description: "x", ...flags });
const document: SchemaDocument = {
  format_version: "1.0",
  provider_schemas: {
    "registry.terraform.io/test/test": {
      provider: { block: {} },
      resource_schemas: {
        test_widget: {
          block: {
            attributes: {
              id: attr("string", { computed: true }),
              name: attr("string", { required: true }),
              alias: attr("string", { optional: true }),
              tags: attr(["list", "string"], { optional: true }),
              budget: attr("number", { optional: true, computed: true }),
              period: attr("string", { optional: true }),
              meta: attr("string", { optional: true }),
              size: attr("number", { optional: true, computed: true }),
              locked: attr("number", { optional: true, computed: true }),
              zone: attr("string", { optional: true }),
              fixed: attr("string", { optional: true }),
              paused: attr("bool", { optional: true, computed: true }),
              spend: attr("number", { computed: true }),
            },
          },
        },
      },
      data_source_schemas: {
        test_widget: { block: { attributes: { id: attr("string", { optional: true, computed: true }), name: attr("string", { optional: true, computed: true }), size: attr("number", { computed: true }), meta: attr("string", { computed: true }) } } },
      },
    },
  },
};

const describeError = (e: unknown) => ({ message: e instanceof Error ? e.message : String(e), mayHaveActed: false });
const attributes = {
  name: { codec: text() },
  alias: { codec: text(), field: "names.alias" , send: "alias" },
  tags: { codec: stringList() },
  budget: { codec: optionalAmount({ zeroCapIsDrift: true }), default: 0 },
  period: { codec: spelledText({ toApi: (v) => (v === "weekly" ? "7d" : v), equivalent: (a, b) => (a === "weekly" ? "7d" : a) === (b === "weekly" ? "7d" : b) }) },
  meta: { codec: jsonObjectText({ serverOwned: ["owned"] }) },
  size: { codec: number(), serverDefault: true },
  locked: { codec: number(), whenRemoved: "keep" as const },
  zone: { codec: text(), forceNew: true },
  fixed: { codec: text(), whenRemoved: "replace" as const },
  paused: { codec: bool({ nullIs: false }), default: false },
  spend: { codec: number(), computed: true, volatile: true },
};

const widget = declareResource<Widgets>({
  typeName: "test_widget",
  noun: "widget",
  attributes,
  constraints: { budget: { schema: { minimum: 0 }, expectation: "must be 0 or more" } },
  checks: [exactlyOneOf(["alias", "zone"])],
  describeError,
  api: {
    async create({ client }, body) {
      client.calls.push({ op: "create", body });
      const id = `w${client.next++}`;
      const row: Remote = { size: 7, spend: 0, budget: null, ...body, names: { alias: body.alias ?? null } };
      for (const f of client.ignore) delete row[f];
      client.rows.set(id, row);
      return id;
    },
    async read({ client }, id) {
      return client.rows.get(id) ?? null;
    },
    async update({ client }, id, body) {
      client.calls.push({ op: "update", body });
      const row = client.rows.get(id)!;
      for (const [k, v] of Object.entries(body)) if (!client.ignore.has(k)) row[k] = v;
      if ("alias" in body) row.names = { alias: body.alias };
      row.spend = 1;
    },
    async delete({ client }, id) {
      return client.rows.delete(id);
    },
  },
  importId: (id) => (id.startsWith("w") ? { id } : { error: `not a widget id: ${id}` }),
});

const widgetData = declareDataSource<Widgets>({
  typeName: "test_widget",
  noun: "widget",
  attributes: { size: { codec: number(), computed: true }, meta: { codec: jsonObjectText({ serverOwned: ["owned"] }), computed: true }, name: { codec: text(), computed: true } },
  idOf: (r) => String(r.id),
  describeError,
  lookups: [
    { attribute: "id", find: async ({ client }, v) => (client.rows.has(v) ? [{ ...client.rows.get(v)!, id: v }] : []) },
    { attribute: "name", find: async ({ client }, v) => [...client.rows].filter(([, r]) => r.name === v).map(([id, r]) => ({ ...r, id })) },
  ],
});

function setup() {
  const api = new Widgets();
  const definition: ProviderDefinition<Widgets> = {
    async configure(_req, resp) {
      resp.client = api;
    },
    resources: [widget],
    dataSources: [widgetData],
  };
  const service = createProviderService(definition, document);
  return { api, service };
}

const schemas = readSchemaDocument(document);
const block = schemas.resources.get("test_widget")!.block;
const type = impliedType(block);
const dataType = impliedType(schemas.dataSources.get("test_widget")!.block);
const enc = (o: TfObject | null, t = type) => encodeDynamicValue(o, t);
const dec = (v: Parameters<typeof decodeDynamicValue>[0], t = type) => decodeDynamicValue(v, t) as TfObject | null;
const config = (o: Record<string, TfValue>): TfObject => newObject(Object.entries({ ...Object.fromEntries(block.attributes.map((a) => [a.name, null as TfValue])), ...o }));

/** Terraform's proposal: config, with computed attributes that are null in config taking their prior value. */
function proposed(cfg: TfObject, prior: TfObject | null): TfObject {
  const p = newObject(Object.entries(cfg));
  for (const a of block.attributes) if (a.computed && cfg[a.name] === null) p[a.name] = prior ? prior[a.name]! : null;
  return p;
}

async function plan(service: ReturnType<typeof setup>["service"], cfg: TfObject, prior: TfObject | null) {
  const res = await service.PlanResourceChange({ type_name: "test_widget", prior_state: enc(prior), proposed_new_state: enc(proposed(cfg, prior)), config: enc(cfg), prior_private: new Uint8Array() });
  return { planned: dec(res.planned_state)!, replace: res.requires_replace.map((p) => p.steps[0]?.attribute_name), diagnostics: res.diagnostics };
}

async function apply(service: ReturnType<typeof setup>["service"], cfg: TfObject, prior: TfObject | null) {
  const { planned } = await plan(service, cfg, prior);
  const res = await service.ApplyResourceChange({ type_name: "test_widget", prior_state: enc(prior), planned_state: enc(planned), config: enc(cfg), planned_private: new Uint8Array() });
  return { state: dec(res.new_state), diagnostics: res.diagnostics };
}

async function read(service: ReturnType<typeof setup>["service"], state: TfObject) {
  const res = await service.ReadResource({ type_name: "test_widget", current_state: enc(state), private: new Uint8Array() });
  return { state: dec(res.new_state), diagnostics: res.diagnostics };
}

async function configured() {
  const s = setup();
  await s.service.ConfigureProvider({ terraform_version: "", config: encodeDynamicValue(newObject(), impliedType(schemas.provider.block)) });
  return s;
}

const base = { name: "a", alias: "x", period: "weekly", meta: '{ "b": 1, "a": 2 }', tags: ["t"] };

test("validate: constraints and exactly-one-of, with attribute paths", async () => {
  const { service } = setup();
  const bad = await service.ValidateResourceConfig({ type_name: "test_widget", config: enc(config({ name: "a", budget: -1 })) });
  assert.deepEqual(bad.diagnostics.map((d) => [d.summary, d.attribute?.steps[0]?.attribute_name]).sort(), [
    ["Give Exactly One Of alias And zone", "alias"],
    ["Invalid Attribute Value", "budget"],
  ].sort());
  const two = await service.ValidateResourceConfig({ type_name: "test_widget", config: enc(config({ name: "a", alias: "x", zone: "z" })) });
  assert.equal(two.diagnostics[0]?.attribute?.steps[0]?.attribute_name, "zone");
  const ok = await service.ValidateResourceConfig({ type_name: "test_widget", config: enc(config(base)) });
  assert.deepEqual(ok.diagnostics, []);
});

test("create: sends API forms, reads back, keeps the user's spelling, fills server defaults", async () => {
  const { api, service } = await configured();
  const { planned } = await plan(service, config(base), null);
  assert.ok(isUnknown(planned.size) && isUnknown(planned.spend) && isUnknown(planned.id));
  assert.equal(planned.budget, 0, "default");
  const { state, diagnostics } = await apply(service, config(base), null);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(api.calls[0]!.body, { name: "a", alias: "x", tags: ["t"], budget: null, period: "7d", meta: { b: 1, a: 2 }, paused: false });
  assert.equal(state!.id, "w1");
  assert.equal(state!.period, "weekly");
  assert.equal(state!.meta, '{ "b": 1, "a": 2 }');
  assert.equal(state!.size, 7, "LiteLLM's default");
  assert.equal(state!.spend, 0);
  // An empty list means what no list means: state keeps what was written.
  const empty = await apply(service, config({ ...base, tags: [] }), null);
  assert.deepEqual(empty.diagnostics, []);
  assert.deepEqual(empty.state!.tags, []);
  // Apply then plan: nothing changes.
  const again = await plan(service, config(base), state);
  assert.deepEqual(again.replace, []);
  assert.deepEqual(again.planned, state);
});

test("create: a planned value the server did not keep is an error on its path, and state holds the server's", async () => {
  const { api, service } = await configured();
  api.ignore.add("tags");
  const { state, diagnostics } = await apply(service, config(base), null);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0]!.summary, "LiteLLM Did Not Apply A Change");
  assert.equal(diagnostics[0]!.attribute?.steps[0]?.attribute_name, "tags");
  assert.equal(state!.tags, null);
  assert.equal(state!.id, "w1", "the object stays in state");
});

test("read: drift shows real changes only; server-owned metadata keys never do; a gone object leaves state", async () => {
  const { api, service } = await configured();
  const { state } = await apply(service, config(base), null);
  const row = api.rows.get("w1")!;
  row.meta = { a: 2, b: 1, owned: ["guardrail"] };
  row.period = "7d";
  let r = await read(service, state!);
  assert.deepEqual(r.state, state, "equivalent values and owned keys are no drift");
  row.name = "changed";
  row.budget = 0; // a $0 cap is not "unlimited"
  r = await read(service, state!);
  assert.equal(r.state!.name, "changed");
  assert.equal(r.state!.budget, null);
  const p = await plan(service, config(base), r.state);
  assert.equal(p.planned.name, "a");
  assert.equal(p.planned.budget, 0);
  api.rows.delete("w1");
  r = await read(service, state!);
  assert.equal(r.state, null);
});

test("update: only changes, removed attributes cleared, owned metadata kept, volatile values unknown", async () => {
  const { api, service } = await configured();
  const { state } = await apply(service, config({ ...base, locked: 3 }), null);
  api.rows.get("w1")!.meta = { b: 1, a: 2, owned: 1 };
  const next = config({ name: "a", alias: "y", period: "7d", meta: '{"c":3}' });
  const p = await plan(service, next, state);
  assert.equal(p.planned.period, "weekly", "same meaning keeps state's spelling");
  assert.ok(isUnknown(p.planned.spend));
  assert.equal(p.planned.locked, 3, "kept");
  assert.deepEqual(p.diagnostics.map((d) => [d.summary, d.attribute?.steps[0]?.attribute_name]), [["LiteLLM Keeps This Value", "locked"]]);
  api.calls.length = 0;
  const res = await service.ApplyResourceChange({ type_name: "test_widget", prior_state: enc(state), planned_state: enc(p.planned), config: enc(next), planned_private: new Uint8Array() });
  assert.deepEqual(res.diagnostics, []);
  assert.deepEqual(api.calls, [{ op: "update", body: { alias: "y", tags: [], meta: { c: 3, owned: 1 } } }]);
  const after = dec(res.new_state)!;
  assert.equal(after.spend, 1);
  assert.equal(after.size, 7, "a server default stays without a diff");
});

test("plan: forceNew and whenRemoved replace, with the reason said", async () => {
  const { service } = await configured();
  const { state } = await apply(service, config({ name: "a", zone: "z1", fixed: "f" }), null);
  const p = await plan(service, config({ name: "a", zone: "z2" }), state);
  assert.deepEqual(p.replace.sort(), ["fixed", "zone"]);
  assert.ok(isUnknown(p.planned.id) && isUnknown(p.planned.spend) && isUnknown(p.planned.size));
  assert.equal(p.diagnostics[0]?.summary, "Removing This Replaces The Object");
});

test("import: by id, state from the server without owned keys; a bad id is refused", async () => {
  const { api, service } = await configured();
  await apply(service, config(base), null);
  api.rows.get("w1")!.meta = { a: 2, b: 1, owned: true };
  const res = await service.ImportResourceState({ type_name: "test_widget", id: "w1" });
  assert.deepEqual(res.diagnostics, []);
  const imported = dec(res.imported_resources![0]!.state)!;
  assert.deepEqual([imported.id, imported.period, imported.meta, imported.budget], ["w1", "7d", '{"a":2,"b":1}', 0]);
  const p = await plan(service, config({ ...base, period: "7d" }), imported);
  assert.deepEqual(p.planned.meta, imported.meta);
  const bad = await service.ImportResourceState({ type_name: "test_widget", id: "x" });
  assert.equal(bad.diagnostics[0]?.summary, "Invalid Import ID");
  const missing = await service.ImportResourceState({ type_name: "test_widget", id: "w9" });
  assert.equal(missing.diagnostics[0]?.summary, "Cannot Import Non-Existent Remote Object");
});

test("data source: by either key, exactly one, not found and not unique on the key's path", async () => {
  const { api, service } = await configured();
  await apply(service, config(base), null);
  const dcfg = (o: Record<string, TfValue>) => newObject(Object.entries({ id: null, name: null, size: null, meta: null, ...o }));
  const read = async (o: Record<string, TfValue>) => {
    const res = await service.ReadDataSource({ type_name: "test_widget", config: enc(dcfg(o), dataType) });
    return { state: res.state ? dec(res.state, dataType) : null, diagnostics: res.diagnostics };
  };
  assert.deepEqual((await read({ name: "a" })).state, dcfg({ id: "w1", name: "a", size: 7, meta: '{"a":2,"b":1}' }));
  assert.equal((await read({ id: "w1" })).state!.name, "a");
  assert.equal((await read({ id: "nope" })).diagnostics[0]?.summary, "Widget Not Found");
  api.rows.set("w2", { name: "a" });
  const dup = await read({ name: "a" });
  assert.equal(dup.diagnostics[0]?.summary, "Widget Is Not Unique");
  assert.equal(dup.diagnostics[0]?.attribute?.steps[0]?.attribute_name, "name");
  const both = await service.ValidateDataResourceConfig({ type_name: "test_widget", config: enc(dcfg({ id: "w1", name: "a" }), dataType) });
  assert.equal(both.diagnostics[0]?.summary, "Give Exactly One Of id And name");
});
