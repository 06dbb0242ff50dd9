// What an object owns beyond its fields, on a small in-memory API: a "badge" issued with the object and kept in
// state as written (its serial in private state), noticed when it is gone, re-issued by afterWrite; an import
// id looked up by another name; a write-only default; and the words said when the API does not keep a value.
import { test } from "node:test";
import assert from "node:assert/strict";
import { newObject, unknown, type TfObject, type TfValue } from "../../values/value";
import { log } from "../../log";
import { Diagnostics } from "../diagnostics";
import type { HandlerContext } from "../resource";
import { bool, declareResource, number, Refusal, show, text, type Remote } from "./index";

interface Own {
  serial: string | null;
}
interface Api {
  rows: Map<string, Remote>;
  badges: Set<string>;
  issued: number;
}

const issue = (api: Api) => {
  const serial = `b${++api.issued}`;
  api.badges.add(serial);
  return serial;
};

const member = declareResource<Api, Own>({
  typeName: "test_member",
  noun: "member",
  attributes: {
    name: { codec: text() },
    cap: { codec: number(), whenNotApplied: "This API never lowers a cap." },
    wants_badge: { codec: bool(), writeOnly: true, send: false, default: false },
    badge: { codec: text(), computed: true, writeOnly: true },
  },
  describeError: (e) => ({ message: String(e), mayHaveActed: false }),
  privateState: {
    read: (bytes) => ({ serial: bytes.length ? new TextDecoder().decode(bytes) : null }),
    write: (own) => new TextEncoder().encode(own.serial ?? ""),
  },
  importId: async (raw, ctx) => {
    const id = [...ctx.client.rows].find(([, r]) => r.name === raw)?.[0];
    if (!id) throw new Refusal("Member Not Found", `Nobody is called ${raw}.`);
    return { id };
  },
  api: {
    async create(ctx, body, planned, _d, own) {
      ctx.client.rows.set("m1", { ...body });
      if (planned.wants_badge === true) planned.badge = own.serial = issue(ctx.client);
      return "m1";
    },
    read: async (ctx, id) => (ctx.client.rows.has(id) ? { ...ctx.client.rows.get(id)!, badges: [...ctx.client.badges] } : null),
    async update(ctx, id, body) {
      const row = ctx.client.rows.get(id)!;
      for (const [k, v] of Object.entries(body)) if (!(k === "cap" && Number(v) < Number(row.cap))) row[k] = v;
    },
    delete: async (ctx, id) => ctx.client.rows.delete(id),
    async afterWrite(ctx, _id, { planned, state, own }) {
      if (planned.wants_badge === true && own.serial === null) state.badge = own.serial = issue(ctx.client);
    },
  },
  afterRead(state, remote, own) {
    // A badge revoked out of band leaves state; the next plan issues one again.
    if (own.serial !== null && !(remote.badges as string[]).includes(own.serial)) state.badge = own.serial = null;
  },
});

const obj = (o: Record<string, TfValue>): TfObject => newObject(Object.entries({ id: null, name: null, cap: null, wants_badge: null, badge: null, ...o }));
const ctx = (): HandlerContext<Api> => ({ client: { rows: new Map(), badges: new Set(), issued: 0 }, log, signal: new AbortController().signal });
const apply = () => ({ state: null as TfObject | null, private: new Uint8Array(), diagnostics: new Diagnostics() });
const text_ = (b: Uint8Array) => new TextDecoder().decode(b);

test("private state: create's own part is written; read notices it gone; afterWrite issues it again after update", async () => {
  const c = ctx();
  const planned = obj({ name: "ann", cap: 5, wants_badge: true, badge: unknown });
  const created = apply();
  await member.create!({ planned, config: planned, plannedPrivate: new Uint8Array() }, created, c);
  assert.deepEqual(created.diagnostics.items, []);
  assert.equal(created.state!.badge, "b1", "what create wrote survives the read-back");
  assert.equal(text_(created.private), "b1");

  c.client.badges.delete("b1");
  const read = { state: created.state as TfObject | null, private: new Uint8Array(), diagnostics: new Diagnostics() };
  await member.read!({ state: created.state!, private: created.private }, read, c);
  assert.equal(read.state!.badge, null);
  assert.equal(text_(read.private), "", "the private state says it is gone");

  const updated = apply();
  const again = obj({ ...read.state!, badge: unknown });
  await member.update!({ prior: read.state!, planned: again, config: again, plannedPrivate: read.private }, updated, c);
  assert.deepEqual(updated.diagnostics.items, []);
  assert.equal(updated.state!.badge, "b2", "afterWrite's value is kept by the read-back");
  assert.equal(text_(updated.private), "b2");
});

test("a value the API does not keep is an error on its path, with the attribute's own reason", async () => {
  const c = ctx();
  const planned = obj({ name: "ann", cap: 5, wants_badge: false });
  const created = apply();
  await member.create!({ planned, config: planned, plannedPrivate: new Uint8Array() }, created, c);
  const lower = obj({ ...created.state!, cap: 3 });
  const updated = apply();
  await member.update!({ prior: created.state!, planned: lower, config: lower, plannedPrivate: created.private }, updated, c);
  const [d] = updated.diagnostics.items;
  assert.equal(d!.summary, "LiteLLM Did Not Apply A Change");
  assert.match(d!.detail, /The plan set cap = 3, but LiteLLM has 5\. This API never lowers a cap\. State now holds/);
  assert.equal(updated.state!.cap, 5);
});

test("import: an id looked up by name; a Refusal says why not; a write-only argument takes its default", async () => {
  const c = ctx();
  c.client.rows.set("m7", { name: "bob", cap: 1 });
  const found = apply();
  await member.importState!({ id: "bob" }, found, c);
  assert.deepEqual(found.diagnostics.items, []);
  assert.equal(found.state!.id, "m7");
  assert.equal(found.state!.wants_badge, false, "the default, since the API cannot say");
  assert.equal(found.state!.badge, null);

  const missing = apply();
  await member.importState!({ id: "carl" }, missing, c);
  assert.deepEqual(missing.diagnostics.items.map((i) => [i.summary, i.detail]), [["Member Not Found", "Nobody is called carl."]]);
  assert.equal(missing.state, null);
});

test("a value shown in a diagnostic may hold large numbers at any depth", () => {
  assert.equal(show(12345678901234567890n), "12345678901234567890");
  assert.equal(show([1, 12345678901234567890n]), '[1,"12345678901234567890"]');
  assert.equal(show(newObject([["gpt-4o", 12345678901234567890n]])), '{"gpt-4o":"12345678901234567890"}');
});
