// The framework's RPC handlers, one table per RPC, on a small test provider (test-provider.test-support.ts):
// what each handler answers (diagnostics, values, requires_replace, private state) for what a definition does.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { attributePath } from "../diagnostics";
import { isUnknown, newObject, unknown, type TfObject } from "../../values/value";
import { brief, configuredService, dec, enc, lookupType, noBytes, testService, thing, type ThingOverrides } from "./test-provider.test-support";

const priv = (text: string) => Buffer.from(text);
const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? noBytes).toString();

describe("GetProviderSchema and GetMetadata", () => {
  it("serve the document's types, with plan_destroy", async () => {
    const service = testService();
    const schema = await service.GetProviderSchema({});
    assert.deepEqual(Object.keys(schema.resource_schemas ?? {}), ["test_thing"]);
    assert.deepEqual(Object.keys(schema.data_source_schemas ?? {}), ["test_lookup"]);
    assert.equal(schema.resource_schemas?.test_thing?.version, 1);
    const token = schema.resource_schemas?.test_thing?.block?.attributes?.find((a) => a.name === "token");
    assert.equal(token?.sensitive, true);
    const metadata = await service.GetMetadata({});
    assert.deepEqual(metadata.resources?.map((r) => r.type_name), ["test_thing"]);
    assert.equal(metadata.server_capabilities?.plan_destroy, true);
  });
});

describe("ValidateResourceConfig and ValidateDataResourceConfig", () => {
  const cases: { name: string; overrides?: ThingOverrides; type?: string; config: TfObject; want: string[] }[] = [
    { name: "a valid configuration", config: thing({ name: "a" }), want: [] },
    { name: "an unknown type", type: "test_nope", config: thing({ name: "a" }), want: ["error Unknown Resource Type"] },
    {
      name: "a constraint, reported at its attribute",
      overrides: { constraints: { size: { schema: { minimum: 0 }, expectation: "0 or more" } } },
      config: thing({ name: "a", size: -1 }),
      want: ["error Invalid Attribute Value @size"],
    },
    {
      name: "the definition's own rule, at the path it names",
      overrides: { validate: (req, resp) => void (req.config.name === "bad" && resp.diagnostics.addError("Bad Name", "no", attributePath("name"))) },
      config: thing({ name: "bad" }),
      want: ["error Bad Name @name"],
    },
    {
      name: "unknown values skip the rules that cannot judge them",
      overrides: { constraints: { size: { schema: { minimum: 0 }, expectation: "0 or more" } } },
      config: thing({ name: unknown, size: unknown }),
      want: [],
    },
    {
      name: "a definition that throws: an error diagnostic, not a failed RPC",
      overrides: { validate: () => { throw new Error("boom"); } },
      config: thing({ name: "a" }),
      want: ["error Unexpected Provider Error"],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const res = await testService(c.overrides).ValidateResourceConfig({ type_name: c.type ?? "test_thing", config: enc(c.config) });
      assert.deepEqual(brief(res.diagnostics), c.want);
    });
  }

  it("data sources: the same rules, and an unknown type", async () => {
    const service = testService({}, { validate: (req, resp) => void (req.config.name === "x" && resp.diagnostics.addWarning("Odd", "x", attributePath("name"))) });
    const validate = (type_name: string, name: string) =>
      service.ValidateDataResourceConfig({ type_name, config: enc(newObject([["name", name], ["id", null]]), lookupType) });
    assert.deepEqual(brief((await validate("test_lookup", "y")).diagnostics), []);
    assert.deepEqual(brief((await validate("test_lookup", "x")).diagnostics), ["warning Odd @name"]);
    assert.deepEqual(brief((await validate("test_other", "y")).diagnostics), ["error Unknown Data Source Type"]);
  });
});

describe("ConfigureProvider", () => {
  it("a configured client reaches the handlers; an error leaves the provider unconfigured", async () => {
    const seen: string[] = [];
    const read: ThingOverrides["read"] = async (_req, _resp, ctx) => void seen.push(ctx.client.endpoint);
    const good = await configuredService({ read });
    await good.ReadResource({ type_name: "test_thing", current_state: enc(thing({ id: "1", name: "a" })), private: noBytes });
    assert.deepEqual(seen, ["e"]);

    const failing = testService({ read }, {}, { configure: async (_req, resp) => void resp.diagnostics.addError("No Endpoint", "x", attributePath("endpoint")) });
    const configured = await failing.ConfigureProvider({ terraform_version: "1.11.4", config: enc(newObject([["endpoint", null]]), ["object", { endpoint: "string" }]) });
    assert.deepEqual(brief(configured.diagnostics), ["error No Endpoint @endpoint"]);
    const res = await failing.ReadResource({ type_name: "test_thing", current_state: enc(thing({ id: "1", name: "a" })), private: noBytes });
    assert.deepEqual(brief(res.diagnostics), ["error Provider Not Configured"]);
    assert.deepEqual(seen, ["e"], "read never ran");
  });
});

describe("PlanResourceChange", () => {
  const plan = async (overrides: ThingOverrides, prior: TfObject | null, config: TfObject | null, priorPrivate = noBytes) => {
    const service = testService(overrides);
    const proposed = config && prior ? newObject(Object.entries(config).map(([k, v]) => [k, v === null && (k === "id" || k === "token" || k === "size") ? prior[k]! : v])) : config;
    return service.PlanResourceChange({ type_name: "test_thing", prior_state: enc(prior), proposed_new_state: enc(proposed), config: enc(config), prior_private: priorPrivate });
  };
  const prior = thing({ id: "1", name: "a", size: 2, token: "t" });

  it("create: computed attributes left null become unknown; defaults fill optional+computed ones", async () => {
    const res = await plan({}, null, thing({ name: "a" }));
    const planned = dec(res.planned_state)!;
    assert.ok(isUnknown(planned.id) && isUnknown(planned.token));
    assert.equal(planned.size, 1);
    assert.deepEqual(res.requires_replace, []);
    assert.deepEqual(res.diagnostics, []);
  });

  it("update: what the definition plans, its requires_replace paths and its private state", async () => {
    const res = await plan(
      {
        modifyPlan: (req, resp) => {
          if (req.prior && req.config.name !== req.prior.name) resp.requiresReplace.push(attributePath("name"));
          resp.plannedPrivate = priv("next");
        },
      },
      prior,
      thing({ name: "b" }),
      priv("before"),
    );
    assert.deepEqual(res.requires_replace.map((p) => p.steps.map((s) => s.attribute_name)), [["name"]]);
    assert.equal(text(res.planned_private), "next");
    assert.equal(dec(res.planned_state)!.name, "b");
    assert.equal(dec(res.planned_state)!.id, "1", "computed attributes keep their prior value");
  });

  it("no change: the prior private state passes through", async () => {
    const res = await plan({}, prior, thing({ name: "a", size: 2 }), priv("kept"));
    assert.equal(text(res.planned_private), "kept");
    assert.deepEqual(dec(res.planned_state), prior);
  });

  it("destroy plans null without calling modifyPlan", async () => {
    let called = false;
    const res = await plan({ modifyPlan: () => void (called = true) }, prior, null);
    assert.equal(dec(res.planned_state), null);
    assert.equal(called, false);
  });

  it("diagnostics from modifyPlan, and an unknown type", async () => {
    const res = await plan({ modifyPlan: (_req, resp) => resp.diagnostics.addWarning("Will Rotate", "x", attributePath("token")) }, prior, thing({ name: "a" }));
    assert.deepEqual(brief(res.diagnostics), ["warning Will Rotate @token"]);
    const service = testService();
    const unknownType = await service.PlanResourceChange({ type_name: "test_nope", prior_state: enc(null), proposed_new_state: enc(null), config: enc(null), prior_private: noBytes });
    assert.deepEqual(brief(unknownType.diagnostics), ["error Unknown Resource Type"]);
  });
});

describe("ApplyResourceChange", () => {
  const planned = thing({ id: unknown, name: "a", size: 1, token: unknown });
  const apply = async (overrides: ThingOverrides, prior: TfObject | null, next: TfObject | null, plannedPrivate = noBytes) =>
    (await configuredService(overrides)).ApplyResourceChange({
      type_name: "test_thing",
      prior_state: enc(prior),
      planned_state: enc(next),
      config: enc(next && thing({ name: next.name! })),
      planned_private: plannedPrivate,
    });

  const cases: { name: string; overrides: ThingOverrides; prior: TfObject | null; next: TfObject | null; state: TfObject | null; private?: string; want: string[] }[] = [
    {
      name: "create: the state the definition returns, unknowns it left become null",
      overrides: { create: async (_req, resp) => void ((resp.state as TfObject).id = "new", (resp.private = priv("p1"))) },
      prior: null,
      next: planned,
      state: thing({ id: "new", name: "a", size: 1, token: null }),
      private: "p1",
      want: [],
    },
    {
      name: "create that returns no state and no error is the provider's bug",
      overrides: { create: async (_req, resp) => void (resp.state = null) },
      prior: null,
      next: planned,
      state: null,
      want: ["error Missing Resource State After Create"],
    },
    {
      name: "create that fails after the object exists keeps it in state",
      overrides: {
        create: async (_req, resp) => {
          (resp.state as TfObject).id = "half";
          resp.diagnostics.addError("Read-Back Failed", "x");
        },
      },
      prior: null,
      next: planned,
      state: thing({ id: "half", name: "a", size: 1, token: null }),
      want: ["error Read-Back Failed"],
    },
    {
      name: "delete: null state and no private state",
      overrides: {},
      prior: thing({ id: "1", name: "a", size: 1, token: "t" }),
      next: null,
      state: null,
      private: "",
      want: [],
    },
    {
      name: "a failed delete keeps the object",
      overrides: { delete: async (_req, resp) => resp.diagnostics.addError("Delete Failed", "x") },
      prior: thing({ id: "1", name: "a", size: 1, token: "t" }),
      next: null,
      state: thing({ id: "1", name: "a", size: 1, token: "t" }),
      want: ["error Delete Failed"],
    },
    {
      name: "update that throws: the prior state stays, with an error",
      overrides: { update: async () => { throw new Error("boom"); } },
      prior: thing({ id: "1", name: "a", size: 1, token: "t" }),
      next: thing({ id: "1", name: "b", size: 1, token: "t" }),
      state: thing({ id: "1", name: "a", size: 1, token: "t" }),
      want: ["error Unexpected Provider Error"],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const res = await apply(c.overrides, c.prior, c.next, priv("planned"));
      assert.deepEqual(brief(res.diagnostics), c.want);
      assert.deepEqual(dec(res.new_state), c.state);
      if (c.private !== undefined) assert.equal(text(res.private), c.private);
    });
  }
});

describe("ReadResource", () => {
  const current = thing({ id: "1", name: "a", size: 1, token: "t" });
  const cases: { name: string; overrides: ThingOverrides; state: TfObject | null; private: string; want: string[] }[] = [
    { name: "nothing changed: the state and private state as they were", overrides: {}, state: current, private: "p", want: [] },
    { name: "drift: what the definition read", overrides: { read: async (_req, resp) => void ((resp.state as TfObject).size = 5) }, state: thing({ id: "1", name: "a", size: 5, token: "t" }), private: "p", want: [] },
    { name: "gone: null state", overrides: { read: async (_req, resp) => void (resp.state = null) }, state: null, private: "p", want: [] },
    { name: "a new private state", overrides: { read: async (_req, resp) => void (resp.private = priv("q")) }, state: current, private: "q", want: [] },
    { name: "a failed read keeps the state", overrides: { read: async (_req, resp) => resp.diagnostics.addError("Unreachable", "x") }, state: current, private: "p", want: ["error Unreachable"] },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const res = await (await configuredService(c.overrides)).ReadResource({ type_name: "test_thing", current_state: enc(current), private: priv("p") });
      assert.deepEqual(brief(res.diagnostics), c.want);
      assert.deepEqual(dec(res.new_state), c.state);
      assert.equal(text(res.private), c.private);
    });
  }
});

describe("ImportResourceState", () => {
  const cases: { name: string; overrides: ThingOverrides; state?: TfObject; want: string[] }[] = [
    { name: "a resource without importState", overrides: {}, want: ["error Resource Import Not Implemented"] },
    { name: "nothing found under the ID", overrides: { importState: async () => {} }, want: ["error Cannot Import Non-Existent Remote Object"] },
    {
      name: "found: the object, with the attributes the definition left out null",
      overrides: { importState: async (req, resp) => void (resp.state = newObject([["id", req.id], ["name", "a"]])) },
      state: thing({ id: "42", name: "a" }),
      want: [],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const res = await (await configuredService(c.overrides)).ImportResourceState({ type_name: "test_thing", id: "42" });
      assert.deepEqual(brief(res.diagnostics), c.want);
      assert.deepEqual((res.imported_resources ?? []).map((r) => dec(r.state)), c.state ? [c.state] : []);
    });
  }
});

describe("ReadDataSource", () => {
  it("the configuration with the computed attributes the definition filled; no state on error", async () => {
    const service = await configuredService({}, {
      read: async (req, resp) => {
        if (req.config.name === "missing") resp.diagnostics.addError("Not Found", "x", attributePath("name"));
        else resp.state.id = `id-${String(req.config.name)}`;
      },
    });
    const read = (name: string) => service.ReadDataSource({ type_name: "test_lookup", config: enc(newObject([["name", name], ["id", null]]), lookupType) });
    const found = await read("a");
    assert.deepEqual(brief(found.diagnostics), []);
    assert.deepEqual(dec(found.state, lookupType), newObject([["name", "a"], ["id", "id-a"]]));
    const missing = await read("missing");
    assert.deepEqual(brief(missing.diagnostics), ["error Not Found @name"]);
    assert.equal(missing.state, undefined);
  });
});

describe("UpgradeResourceState", () => {
  const upgrade = (version: number, json: string | undefined) =>
    testService().UpgradeResourceState({ type_name: "test_thing", version, raw_state: { json: json === undefined ? noBytes : Buffer.from(json), flatmap: {} } });
  it("reads stored JSON under the current schema: new attributes null, removed ones dropped", async () => {
    const res = await upgrade(1, JSON.stringify({ id: "1", name: "a", gone: true }));
    assert.deepEqual(brief(res.diagnostics), []);
    assert.deepEqual(dec(res.upgraded_state), thing({ id: "1", name: "a" }));
  });
  it("refuses state from a newer schema and flatmap state", async () => {
    assert.deepEqual(brief((await upgrade(2, "{}")).diagnostics), ["error State From A Newer Provider"]);
    assert.deepEqual(brief((await upgrade(1, undefined)).diagnostics), ["error Unsupported State Format"]);
  });
});
