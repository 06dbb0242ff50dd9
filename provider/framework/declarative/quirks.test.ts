// What a declaration's quirks may say, driven through the derived handlers directly: an api function's own
// diagnostics (Refusal, create's warnings), an import that explains what it did not find, an attribute's plan
// rule, a plan check with the client, and the at-least-one-of check.
import { test } from "node:test";
import assert from "node:assert/strict";
import { isUnknown, newObject, unknown, type TfObject, type TfValue } from "../../values/value";
import { createLogger } from "../../log";
import { Diagnostics, formatPath } from "../diagnostics";
import type { HandlerContext, PlanResponse } from "../resource";
import { atLeastOneOf, declareResource, number, Refusal, text, type AttributePlanRule, type Remote } from "./index";

interface Shelf {
  rows: Map<string, Remote>;
  /** What the plan check saw of the client. */
  checked: string[];
}

const ctx = (): HandlerContext<Shelf> => ({ client: { rows: new Map(), checked: [] }, log: createLogger("test", undefined), signal: new AbortController().signal });

/** A null held in state means "blocked" to this API: the plan clears it and says so. */
const unblock: AttributePlanRule = (name, { prior, config }, resp, noun) => {
  if (prior === null || prior[name] !== null) return;
  if (config[name] === null) resp.planned[name] = 0;
  resp.diagnostics.addWarning("Blocked", `the ${noun} was blocked`);
};

const book = declareResource<Shelf>(
  {
    typeName: "test_book",
    noun: "book",
    attributes: { title: { codec: text(), forceNew: true }, author: { codec: text() }, isbn: { codec: text() }, limit: { codec: number(), planRule: unblock }, loans: { codec: number(), computed: true, volatile: true }, ticket: { codec: text(), writeOnly: true, send: false } },
    checks: [atLeastOneOf(["author", "isbn"], "find the book", "Missing Book")],
    describeError: (e) => ({ message: String(e), mayHaveActed: false }),
    async whyMissing(_ctx, id) {
      return id.startsWith("shelf-") ? new Refusal("Shelf Not Found", `no shelf for ${id}`) : undefined;
    },
    api: {
      async create({ client }, body, planned, diagnostics) {
        if (body.title === "taken") throw new Refusal("Already Shelved", "import it instead", "title");
        // Only this answer holds the ticket (as a key's secret): create writes it into the new state.
        planned.ticket = `ticket-${String(body.title)}`;
        if (body.author === undefined) diagnostics.addWarning("No Author", "shelved without an author");
        client.rows.set(String(body.title), body);
        return String(body.title);
      },
      read: async ({ client }, id) => client.rows.get(id) ?? null,
      async update() {
        throw new Refusal("Read Only", "this shelf is read only", "author");
      },
      delete: async ({ client }, id) => client.rows.delete(id),
    },
  },
  {
    async modifyPlan({ config }, resp, c) {
      c?.client.checked.push(String(config.title));
      if (config.title === "banned") resp.diagnostics.addError("Banned", "not on this shelf");
    },
  },
);

const obj = (o: Record<string, TfValue>): TfObject => newObject(Object.entries({ id: null, title: null, author: null, isbn: null, limit: null, loans: null, ticket: null, ...o }));
const said = (d: Diagnostics) => d.items.map((i) => [i.severity, i.summary, i.path ? formatPath(i.path) : undefined]);

test("atLeastOneOf: one or several are fine, none is an error on the first one's path, unknown waits", () => {
  const check = atLeastOneOf(["author", "isbn"], "find the book", "Missing Book");
  for (const [config, expected] of [
    [obj({ author: "a" }), []],
    [obj({ author: "a", isbn: "1" }), []],
    [obj({ author: unknown }), []],
    [obj({}), [["error", "Missing Book", "author"]]],
  ] as const) {
    const d = new Diagnostics();
    check(config, d);
    assert.deepEqual(said(d), expected);
  }
  const d = new Diagnostics();
  atLeastOneOf(["a", "b"])(newObject([["a", null], ["b", null]]), d);
  assert.equal(d.items[0]!.summary, "Missing a Or b");
  assert.equal(d.items[0]!.detail, "Set a, b, or both to choose the object.");
});

test("create: a Refusal is reported as written, on its path, and nothing is in state; create's warnings stay", async () => {
  const c = ctx();
  const refused = { state: obj({}) as TfObject | null, private: new Uint8Array(), diagnostics: new Diagnostics() };
  await book.create({ planned: obj({ title: "taken", author: "a" }), config: obj({}), plannedPrivate: new Uint8Array() }, refused, c);
  assert.deepEqual(said(refused.diagnostics), [["error", "Already Shelved", "title"]]);
  assert.equal(refused.diagnostics.items[0]!.detail, "import it instead");
  assert.equal(refused.state, null);

  const made = { state: null as TfObject | null, private: new Uint8Array(), diagnostics: new Diagnostics() };
  await book.create({ planned: obj({ title: "t", isbn: "1" }), config: obj({}), plannedPrivate: new Uint8Array() }, made, c);
  assert.deepEqual(said(made.diagnostics), [["warning", "No Author", undefined]]);
  assert.equal(made.state!.id, "t");
  assert.equal(made.state!.ticket, "ticket-t", "what create wrote survives the read-back");
});

test("update and delete: a Refusal replaces the generic \"Cannot Update\" error", async () => {
  const c = ctx();
  c.client.rows.set("t", { title: "t", author: "a" });
  const resp = { state: null as TfObject | null, private: new Uint8Array(), diagnostics: new Diagnostics() };
  await book.update({ prior: obj({ id: "t", title: "t", author: "a" }), planned: obj({ id: "t", title: "t", author: "b" }), config: obj({}), plannedPrivate: new Uint8Array() }, resp, c);
  assert.deepEqual(said(resp.diagnostics), [["error", "Read Only", "author"]]);
  assert.equal(resp.state!.author, "a", "state holds what the API has");
});

test("import: whyMissing explains an id that finds nothing; without an explanation Terraform's own message stays", async () => {
  const c = ctx();
  const resp = () => ({ state: null as TfObject | null, private: new Uint8Array(), diagnostics: new Diagnostics() });
  const shelf = resp();
  await book.importState!({ id: "shelf-9" }, shelf, c);
  assert.deepEqual(said(shelf.diagnostics), [["error", "Shelf Not Found", undefined]]);
  assert.equal(shelf.state, null);
  const other = resp();
  await book.importState!({ id: "other" }, other, c);
  assert.deepEqual([other.diagnostics.items, other.state], [[], null]);
});

test("plan: an attribute's plan rule gets its name and the noun; the extras' check gets the client", async () => {
  const c = ctx();
  const plan = async (prior: TfObject | null, config: TfObject) => {
    const resp: PlanResponse = { planned: newObject(Object.entries(config)), requiresReplace: [], plannedPrivate: new Uint8Array(), diagnostics: new Diagnostics() };
    if (prior) resp.planned.id = prior.id!;
    await book.modifyPlan!({ prior, config, proposed: config, priorPrivate: new Uint8Array() }, resp, c);
    return resp;
  };
  const blocked = await plan(obj({ id: "t", title: "t", author: "a", limit: null, loans: 2 }), obj({ title: "t", author: "a", loans: 2 }));
  assert.equal(blocked.planned.limit, 0);
  assert.ok(isUnknown(blocked.planned.loans), "the rule's change is a change: volatile values are unknown");
  const same = await plan(obj({ id: "t", title: "t", author: "a", limit: 3, loans: 2 }), obj({ title: "t", author: "a", limit: 3, loans: 2 }));
  assert.equal(same.planned.loans, 2, "nothing changes: volatile values stay");
  assert.deepEqual(blocked.diagnostics.items.map((d) => d.detail), ["the book was blocked"]);
  const banned = await plan(null, obj({ title: "banned", author: "a" }));
  assert.deepEqual(said(banned.diagnostics), [["error", "Banned", undefined]]);
  assert.deepEqual(c.client.checked, ["t", "t", "banned"]);
  const plain = await plan(obj({ id: "t", title: "t", author: "a", limit: 3 }), obj({ title: "t", author: "a" }));
  assert.deepEqual([plain.diagnostics.items, plain.planned.limit], [[], null], "no rule applies: the config's null stays");
});
