// The codec options for APIs with their own idea of "none", and how state keeps the user's form and nulls.
import { test } from "node:test";
import assert from "node:assert/strict";
import { newObject, type TfValue } from "../../values/value";
import { Diagnostics } from "../diagnostics";
import type { HandlerContext } from "../resource";
import { clearableText, declareDataSource, listedStrings, spelledText, stateFromRemote, text, type Codec } from "./index";

test("clearableText: '' and none are one; removing sends the clearing value", () => {
  const c = clearableText({ clearWith: "" });
  assert.equal(c.fromApi(""), null);
  assert.equal(c.fromApi("x"), "x");
  assert.ok(c.equivalent!("", null));
  assert.ok(!c.equivalent!("x", null));
  assert.equal(c.clear!(), "");
});

test("listedStrings: an empty list reads as [], not null", () => {
  assert.deepEqual(listedStrings().fromApi([]), []);
  assert.deepEqual(listedStrings().fromApi(["a", 1]), ["a"]);
  assert.equal(listedStrings().fromApi(undefined), null);
});

test("spelledText nullMeans: none is the API's default spelling", () => {
  const role = spelledText({ toApi: (v) => (v === "user" ? "internal_user" : v), equivalent: (a, b) => (a === "user" ? "internal_user" : a) === (b === "user" ? "internal_user" : b), nullMeans: "internal_user" });
  assert.ok(role.equivalent!(null, "internal_user"));
  assert.ok(role.equivalent!("user", null));
  assert.ok(!role.equivalent!(null, "proxy_admin"));
  assert.ok(!spelledText({ toApi: (v) => v, equivalent: (a, b) => a === b }).equivalent!(null, "x"));
});

test("stateFromRemote: a null the user wrote stays when it means the API's value; no base takes the API's", () => {
  const role = spelledText({ toApi: (v) => v, equivalent: (a, b) => a === b, nullMeans: "internal_user" });
  const attributes = { role: { codec: role }, name: { codec: text() } };
  const kept = newObject();
  stateFromRemote({ attributes }, kept, { role: "internal_user", name: "n" }, newObject([["role", null], ["name", null]]));
  assert.equal(kept.role, null);
  assert.equal(kept.name, "n");
  const imported = newObject();
  stateFromRemote({ attributes }, imported, { role: "internal_user", name: "n" }, null);
  assert.equal(imported.role, "internal_user");
});

test("stateFromRemote: fromApi with the user's value gives the API's value in the form of the user's", () => {
  const shaped: Codec = {
    toApi: (v) => v,
    fromApi: (v, like) => (typeof like === "string" && like.startsWith("map:") ? `map:${String(v)}` : `text:${String(v)}`),
  };
  const attributes = { meta: { codec: shaped } };
  const state = newObject();
  stateFromRemote({ attributes }, state, { meta: "b" }, newObject([["meta", "map:a" as TfValue]]));
  assert.equal(state.meta, "map:b");
  stateFromRemote({ attributes }, state, { meta: "b" }, null);
  assert.equal(state.meta, "text:b");
});

test("a lookup's own not-found and not-unique messages", async () => {
  const ds = declareDataSource<null>({
    typeName: "test_thing",
    noun: "thing",
    attributes: { name: { codec: text() } },
    describeError: (e) => ({ message: String(e), mayHaveActed: false }),
    idOf: (r) => String(r.name),
    lookups: [
      { attribute: "name", find: async () => [], notFound: (v) => `No thing is called ${v}.` },
      { attribute: "alias", find: async () => [{ name: "a" }, { name: "b" }], notUnique: (v, ids) => ({ summary: "Alias Twice", detail: `${v}: ${ids.join("+")}` }) },
    ],
  });
  const resp = { state: newObject([["name", "x"]]), diagnostics: new Diagnostics() };
  await ds.read({ config: newObject([["name", "x"]]) }, resp, {} as HandlerContext<null>);
  assert.match(JSON.stringify(resp.diagnostics), /No thing is called x\./);
  const twice = { state: newObject([["alias", "y"]]), diagnostics: new Diagnostics() };
  await ds.read({ config: newObject([["name", null], ["alias", "y"]]) }, twice, {} as HandlerContext<null>);
  assert.match(JSON.stringify(twice.diagnostics), /Alias Twice.*y: a\+b/);
});
