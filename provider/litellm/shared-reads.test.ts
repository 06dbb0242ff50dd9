// Access-group reads share the deployment listing while it is in flight, against the emulator: concurrent reads
// make one GET /v2/model/info; a read after a write, or after the listing was answered, lists again.
// The listing is held back by a fault so that the reads certainly overlap.
import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import { accessGroupsOf } from "./access-groups";
import { managementOf } from "./management";
import { useClientFixture } from "./litellm.test-support";

const fx = useClientFixture();
const listings = () => fx.requestsTo("GET", "/v2/model/info").length;
const holdListings = () => fx.faults({ match: { method: "GET", path: "/v2/model/info" }, action: { latencyMs: 300 } });

beforeEach(async () => {
  const api = managementOf(fx.client());
  for (const [id, name] of [["d-1", "alpha"], ["d-2", "alpha"], ["d-3", "beta"]]) {
    await api.newModel({ model_name: name, litellm_params: { model: `openai/${name}` }, model_info: { id } });
  }
  fx.emu.requests.clear();
});

describe("shared deployment listing", () => {
  it("ten concurrent group reads list the deployments once, each with its own members", async () => {
    const client = fx.client();
    const groups = accessGroupsOf(client);
    for (let i = 0; i < 10; i++) await groups.create(`g-${i}`, { model_names: [i % 2 ? "alpha" : "beta"] });
    fx.emu.requests.clear();
    holdListings();
    const infos = await Promise.all(Array.from({ length: 10 }, (_, i) => groups.info(`g-${i}`)));
    assert.equal(listings(), 1);
    assert.deepEqual(infos.map((g) => g!.model_ids), Array.from({ length: 10 }, (_, i) => (i % 2 ? ["d-1", "d-2"] : ["d-3"])));
  });

  it("a read that starts after a write ended does not join a listing begun before it", async () => {
    const client = fx.client();
    const groups = accessGroupsOf(client);
    await groups.create("g", { model_names: ["beta"] });
    fx.emu.requests.clear();
    holdListings();
    const before = groups.info("g");
    while (fx.emu.faults.list()[0]!.hits < 1) await new Promise((resolve) => setTimeout(resolve, 5)); // its listing is under way
    await groups.update("g", { model_ids: ["d-1"] });
    const after = await groups.info("g");
    assert.deepEqual(after!.model_ids, ["d-1"], "the read after the write sees it");
    assert.ok(["d-1", "d-3"].includes(String((await before)!.model_ids)), "the read begun before the write may see either");
    assert.equal(listings(), 2);
  });

  it("nothing is kept once a listing is answered; filtered listings are never shared", async () => {
    const api = managementOf(fx.client());
    assert.equal((await api.listModels({})).length, 3);
    assert.equal((await api.listModels({})).length, 3);
    await Promise.all([api.listModels({ model: "alpha" }), api.listModels({ model: "alpha" })]);
    assert.equal(listings(), 4);
  });
});
