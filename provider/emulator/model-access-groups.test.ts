// The /access_group routes over the model store: LiteLLM's status codes, bodies and its non-atomic writes
// (docs/litellm-api.md, "Model access groups").
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { call, get, post, useEmulator } from "./emulator.test-support";

const ctx = useEmulator();
const put = (path: string, body: unknown) => call(ctx.emu, "PUT", path, { body });
const del = (path: string) => call(ctx.emu, "DELETE", path);

async function deployment(id: string, name: string, groups?: string[]): Promise<void> {
  const made = await post(ctx.emu, "/model/new", { model_name: name, litellm_params: { model: `openai/${name}` }, model_info: { id, ...(groups ? { access_groups: groups } : {}) } });
  assert.equal(made.status, 200);
}

async function groupsOf(id: string): Promise<string[] | undefined> {
  return (await get(ctx.emu, `/model/info?litellm_model_id=${id}`)).body.data.model_info.access_groups;
}

describe("/access_group/*", () => {
  it("new tags every deployment of the names, or just the ids (which win); info lists sorted names and the count", async () => {
    await deployment("d1", "alpha");
    await deployment("d2", "alpha");
    await deployment("d3", "beta");
    const byName = await post(ctx.emu, "/access_group/new", { access_group: "g-names", model_names: ["alpha"] });
    assert.deepEqual(byName.body, { access_group: "g-names", model_names: ["alpha"], model_ids: null, models_updated: 2 });
    const byId = await post(ctx.emu, "/access_group/new", { access_group: "g-ids", model_names: ["alpha"], model_ids: ["d3", "d1"] });
    assert.equal(byId.body.models_updated, 2);
    assert.deepEqual([await groupsOf("d1"), await groupsOf("d2"), await groupsOf("d3")], [["g-names", "g-ids"], ["g-names"], ["g-ids"]]);
    const info = await get(ctx.emu, "/access_group/g-ids/info");
    assert.deepEqual(info.body, { access_group: "g-ids", model_names: ["alpha", "beta"], deployment_count: 2, spend: 0, budget: null });
    assert.deepEqual((await get(ctx.emu, "/access_group/list")).body.access_groups.map((g: { access_group: string }) => g.access_group), ["g-ids", "g-names"]);
  });

  it("refuses a blank name, no members, unknown names, an existing group (409); an unknown id stops half way", async () => {
    await deployment("e1", "gamma");
    const refused = async (body: unknown) => {
      const r = await post(ctx.emu, "/access_group/new", body);
      return [r.status, r.body.detail?.error];
    };
    assert.deepEqual(await refused({ access_group: " ", model_names: ["gamma"] }), [400, "access_group is required and cannot be empty"]);
    assert.deepEqual(await refused({ access_group: "g", model_names: [] }), [400, "Either model_names or model_ids must be provided and non-empty"]);
    assert.deepEqual(await refused({ access_group: "g", model_names: ["gamma", "nope", "nada"] }), [400, "Model(s) not found: nope, nada"]);
    assert.equal((await post(ctx.emu, "/access_group/new", { access_group: "g-e", model_names: ["gamma"] })).status, 200);
    assert.deepEqual(await refused({ access_group: "g-e", model_ids: ["e1"] }), [409, "Access group 'g-e' already exists. Use PUT /access_group/g-e/update to modify it."]);
    assert.deepEqual(await refused({ access_group: "g-half", model_ids: ["e1", "missing"] }), [400, "Deployment with model_id 'missing' not found in Database."]);
    assert.deepEqual(await groupsOf("e1"), ["g-e", "g-half"], "the ids before the unknown one were tagged");
    assert.equal((await post(ctx.emu, "/access_group/new", { model_names: ["gamma"] })).status, 422);
  });

  it("update replaces the membership (stripping first); delete strips the name; unknown groups are 404", async () => {
    await deployment("f1", "delta");
    await deployment("f2", "epsilon");
    await post(ctx.emu, "/access_group/new", { access_group: "g-f", model_ids: ["f1"] });
    const up = await put("/access_group/g-f/update", { model_ids: ["f2"] });
    assert.deepEqual([up.status, up.body.models_updated], [200, 1]);
    assert.deepEqual([await groupsOf("f1"), await groupsOf("f2")], [[], ["g-f"]]);
    assert.deepEqual([(await put("/access_group/nope/update", { model_ids: ["f2"] })).status, (await put("/access_group/g-f/update", {})).status], [404, 400]);
    // An unknown id after the strip: the group is gone.
    assert.equal((await put("/access_group/g-f/update", { model_ids: ["missing"] })).status, 400);
    assert.equal((await get(ctx.emu, "/access_group/g-f/info")).status, 404);
    await post(ctx.emu, "/access_group/new", { access_group: "g-f", model_names: ["delta", "epsilon"] });
    const gone = await del("/access_group/g-f/delete");
    assert.deepEqual(gone.body, { access_group: "g-f", models_updated: 2, message: "Access group 'g-f' deleted successfully" });
    assert.deepEqual([(await del("/access_group/g-f/delete")).body, (await get(ctx.emu, "/access_group/g-f/info")).status], [{ detail: { error: "Access group 'g-f' not found" } }, 404]);
  });

  it("a group disappears with its last deployment", async () => {
    await deployment("h1", "zeta", ["g-h"]);
    assert.equal((await get(ctx.emu, "/access_group/g-h/info")).status, 200, "a group set through model_info is a group");
    assert.equal((await post(ctx.emu, "/model/delete", { id: "h1" })).status, 200);
    assert.equal((await get(ctx.emu, "/access_group/g-h/info")).status, 404);
  });
});

describe("/access_group/* on LiteLLM ≤ 1.80.7", () => {
  const legacy = useEmulator({ legacy: true });
  it("needs model_names and knows no model_ids", async () => {
    await post(legacy.emu, "/model/new", { model_name: "old", litellm_params: { model: "openai/old" }, model_info: { id: "o1" } });
    const r = await post(legacy.emu, "/access_group/new", { access_group: "g", model_ids: ["o1"] });
    assert.equal(r.status, 422);
    const ok = await post(legacy.emu, "/access_group/new", { access_group: "g", model_names: ["old"] });
    assert.deepEqual(ok.body, { access_group: "g", model_names: ["old"], models_updated: 1 });
    assert.deepEqual((await get(legacy.emu, "/access_group/g/info")).body, { access_group: "g", model_names: ["old"], deployment_count: 1 });
  });
});
