// The declaration's extensions, each on a small in-memory API: keys sent within another attribute's object,
// groups sent together, objects as JSON text or a map, an id of our own, server fills
// removed after create, and a lookup's own "not unique" summary.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Dynamic, newObject, type TfObject, type TfValue } from "../../values/value";
import { log } from "../../log";
import { Diagnostics } from "../diagnostics";
import type { HandlerContext } from "../resource";
import { declareDataSource, declareResource, jsonObject, number, optionalAmount, stringList, stringMap, text, type AttributeDeclaration, type Remote } from "./index";
import { changedArguments, createBody, updateBody } from "./mapping";

const obj = (o: Record<string, TfValue>): TfObject => newObject(Object.entries(o));

const attributes: Record<string, AttributeDeclaration> = {
  meta: { codec: jsonObject({ serverOwned: ["owned", "labels", "kind"] }) },
  labels: { codec: stringList(), field: "meta.labels", within: "meta" },
  kind: { codec: text(), field: "meta.kind", within: "meta" },
  low: { codec: number(), together: "range" },
  high: { codec: number(), together: "range" },
  cap: { codec: optionalAmount(), serverDefault: true },
};
const none = obj({ meta: null, labels: null, kind: null, low: null, high: null, cap: null });

test("within: keys set in the object another attribute sends; empty removes; a change sends it whole with the owned keys", () => {
  assert.deepEqual(createBody(attributes, obj({ ...none, labels: ["a"], kind: "k" })), { meta: { labels: ["a"], kind: "k" } });
  assert.deepEqual(createBody(attributes, obj({ ...none, labels: [] })), {}, "nothing starts an object for nothing");
  const prior = obj({ ...none, meta: new Dynamic("string", '{"x":1}'), labels: ["a"], kind: "k" });
  const planned = obj({ ...prior, labels: [], kind: "k" });
  const names = changedArguments(attributes, prior, planned);
  assert.deepEqual(names.sort(), ["labels", "meta"]);
  assert.deepEqual(updateBody(attributes, names, planned, { meta: { x: 1, owned: true, labels: ["a"], kind: "k" } }), { meta: { x: 1, owned: true, kind: "k" } });
});

test("together: a change of one sends the group", () => {
  const prior = obj({ ...none, low: 1, high: 5 });
  assert.deepEqual(changedArguments(attributes, prior, obj({ ...prior, high: 6 })).sort(), ["high", "low"]);
});

test("jsonObject: text or map, same meaning whatever the form; state in the form written; stringMap empty is null", () => {
  const c = jsonObject({ serverOwned: ["owned"] });
  const map = new Dynamic(["object", { a: "number" }], obj({ a: 1 }));
  assert.ok(c.equivalent!(new Dynamic("string", '{ "a": 1 }'), map));
  assert.ok(c.equivalent!(null, new Dynamic("string", "{}")));
  assert.deepEqual(c.toApi(map, { owned: 1, gone: 2 }), { owned: 1, a: 1 });
  assert.deepEqual(c.fromApi({ a: 1, owned: 2 }, null), new Dynamic("string", '{"a":1}'));
  assert.notEqual((c.fromApi({ a: 1 }, map) as Dynamic).type, "string");
  assert.equal(c.fromApi({ owned: 2 }, null), null);
  const m = stringMap();
  assert.equal(m.fromApi({}), null);
  assert.ok(m.equivalent!(obj({}), null));
  assert.deepEqual(m.toApi(obj({ a: "b" })), { a: "b" });
});

const decl = (rows: Map<string, Remote>, calls: unknown[], fail?: Error) =>
  declareResource<null>({
    typeName: "test_thing",
    noun: "thing",
    attributes: { name: { codec: text() }, cap: attributes.cap! },
    describeError: (e) => ({ message: String(e), mayHaveActed: true }),
    api: {
      newId: () => "chosen",
      async create(_ctx, body, planned) {
        calls.push(["create", body, planned.id]);
        if (fail) throw fail;
        rows.set("chosen", { name: body.name, cap: 9 }); // a server default fills the cap
        return "chosen";
      },
      read: async (_ctx, id) => rows.get(id) ?? null,
      async update(_ctx, id, body) {
        calls.push(["update", body]);
        Object.assign(rows.get(id)!, body);
      },
      delete: async (_ctx, id) => rows.delete(id),
    },
  });
const ctx: HandlerContext<null> = { client: null, log, signal: new AbortController().signal };

test("create: the chosen id; a cap the config set to none but the server filled is removed; a create that may have acted stays in state", async () => {
  const rows = new Map<string, Remote>(), calls: unknown[] = [];
  const planned = obj({ id: null, name: "n", cap: 0 });
  const resp = { state: planned as TfObject | null, private: new Uint8Array(), diagnostics: new Diagnostics() };
  await decl(rows, calls).create({ planned, config: planned, plannedPrivate: new Uint8Array() }, resp, ctx);
  assert.deepEqual(resp.diagnostics.items, []);
  assert.deepEqual(calls, [["create", { name: "n", cap: null }, "chosen"], ["update", { cap: null }]]);
  assert.deepEqual([resp.state!.id, resp.state!.cap], ["chosen", 0]);

  const failed = { state: planned as TfObject | null, private: new Uint8Array(), diagnostics: new Diagnostics() };
  await decl(new Map(), [], new Error("timeout")).create({ planned, config: planned, plannedPrivate: new Uint8Array() }, failed, ctx);
  assert.equal(failed.state?.id, "chosen", "kept for Terraform to taint");
  assert.match(failed.diagnostics.items[0]!.detail, /kept in state as tainted \(as chosen\)/);
});

test("a lookup names its own summary when several objects match", async () => {
  const ds = declareDataSource<null>({
    typeName: "test_thing",
    noun: "thing",
    attributes: { name: { codec: text() } },
    idOf: (r) => String(r.id),
    describeError: (e) => ({ message: String(e), mayHaveActed: false }),
    lookups: [{ attribute: "name", notUnique: "Name Is Not Unique", find: async () => [{ id: "1" }, { id: "2" }] }],
  });
  const resp = { state: obj({ id: null, name: "n" }), diagnostics: new Diagnostics() };
  await ds.read({ config: obj({ id: null, name: "n" }) }, resp, ctx);
  assert.equal(resp.diagnostics.items[0]!.summary, "Name Is Not Unique");
});
