// _check_model_access_group: without a licence, a key's `models` naming a model access group of a wildcard route
// is refused with 403 on /key/generate and /key/update; plain groups, plain names and a licence pass.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { post, useEmulator } from "./emulator.test-support";

const REFUSAL =
  "{'error': 'Setting a model access group on a wildcard model is only available for LiteLLM Enterprise users.You must be a LiteLLM Enterprise user to use this feature.";

const free = useEmulator();
const licensed = useEmulator({ enterprise: true });

async function deployments(emu: typeof free.emu): Promise<void> {
  const add = (id: string, name: string, groups: string[]) =>
    post(emu, "/model/new", { model_name: name, litellm_params: { model: name }, model_info: { id, access_groups: groups } });
  assert.equal((await add("w1", "openai/*", ["wild"])).status, 200);
  // A plain deployment the wildcard also routes: its group counts as a wildcard route group too.
  assert.equal((await add("p1", "openai/gpt-4o", ["routed"])).status, 200);
  assert.equal((await add("p2", "claude-3", ["plain"])).status, 200);
}

describe("/key/generate and /key/update with a wildcard access group in models", () => {
  it("refuses it with 403 without a licence, on generate and on update, and makes nothing", async () => {
    await deployments(free.emu);
    for (const group of ["wild", "routed"]) {
      const refused = await post(free.emu, "/key/generate", { key_alias: `k-${group}`, models: ["claude-3", group], soft_budget: 3 });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.error.code, "403");
      assert.ok(refused.body.error.message.startsWith(REFUSAL), refused.body.error.message);
    }
    assert.equal(free.emu.store.keys.size, 0);
    assert.equal(free.emu.store.budgets.size, 0, "no soft budget row is made before the check");

    const made = await post(free.emu, "/key/generate", { key_alias: "ok", models: ["plain", "openai/*", "claude-3"] });
    assert.equal(made.status, 200, "a plain group, a wildcard name itself and a model name pass");
    const update = await post(free.emu, "/key/update", { key: made.body.key, models: ["wild"] });
    assert.equal(update.status, 403);
    assert.deepEqual(free.emu.store.getKey(made.body.token)!.models, ["plain", "openai/*", "claude-3"]);
  });

  it("lets a licensed proxy set it", async () => {
    await deployments(licensed.emu);
    const made = await post(licensed.emu, "/key/generate", { models: ["wild"] });
    assert.equal(made.status, 200);
    assert.equal((await post(licensed.emu, "/key/update", { key: made.body.key, models: ["routed"] })).status, 200);
  });
});
