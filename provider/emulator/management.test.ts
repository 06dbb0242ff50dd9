// The key, model and credential routes added for litellm_key, litellm_model and litellm_credential: status codes,
// bodies and LiteLLM's quirks (metadata-owned fields, licence gates, masking, merging).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { call, get, post, useEmulator } from "./emulator.test-support";

const open = useEmulator();
const licensed = useEmulator({ enterprise: true });

describe("key metadata fields, block, regenerate, list", () => {
  it("moves tags and per-model limits into metadata; tags need a licence, an empty list does not", async () => {
    const refused = await post(open.emu, "/key/generate", { tags: ["a"] });
    assert.equal(refused.status, 403);
    assert.match(refused.body.error.message, /^\{'error': 'This feature is only available for LiteLLM Enterprise users: tags\./);
    assert.equal((await post(open.emu, "/key/generate", { tags: [] })).status, 200);
    const made = await post(licensed.emu, "/key/generate", { tags: ["a"], model_rpm_limit: { m: 1 }, metadata: { mine: 1 } });
    assert.deepEqual(licensed.emu.store.getKey(made.body.token)!.metadata, { mine: 1, tags: ["a"], model_rpm_limit: { m: 1 } });
    // An update with metadata replaces it; LiteLLM's own keys survive only when sent again.
    await post(licensed.emu, "/key/update", { key: made.body.token, metadata: { other: 2 } });
    assert.deepEqual(licensed.emu.store.getKey(made.body.token)!.metadata, { other: 2 });
  });

  it("blocks and unblocks by hash; an unknown key is 404", async () => {
    const k = await post(open.emu, "/key/generate", {});
    const blocked = await post(open.emu, "/key/block", { key: k.body.token });
    assert.equal(blocked.status, 200);
    assert.equal(blocked.body.blocked, true);
    assert.equal(blocked.body.token, k.body.token);
    assert.equal((await post(open.emu, "/key/unblock", { key: k.body.key })).body.blocked, false);
    assert.equal((await post(open.emu, "/key/block", { key: "0".repeat(64) })).status, 404);
  });

  it("regenerate needs a licence; with one the row moves to the new hash", async () => {
    const k = await post(open.emu, "/key/generate", {});
    const refused = await post(open.emu, "/key/regenerate", { key: k.body.token });
    assert.equal(refused.status, 500);
    assert.match(refused.body.error.message, /^Regenerating Virtual Keys is an Enterprise feature/);
    const l = await post(licensed.emu, "/key/generate", { key_alias: "rot" });
    const r = await post(licensed.emu, "/key/regenerate", { key: l.body.token });
    assert.equal(r.status, 200);
    assert.notEqual(r.body.key, l.body.key);
    assert.equal(r.body.token, null);
    assert.equal(licensed.emu.store.getKey(l.body.token), undefined);
    assert.equal(licensed.emu.store.getKey(r.body.token_id)!.key_alias, "rot");
  });

  it("lists newest first in pages of `size`, hashes only unless return_full_object", async () => {
    for (let i = 0; i < 3; i++) await post(open.emu, "/key/generate", { user_id: "pager" });
    const page = await get(open.emu, "/key/list?user_id=pager&size=2&page=2");
    assert.equal(page.status, 200);
    assert.deepEqual([page.body.keys.length, page.body.total_count, page.body.current_page, page.body.total_pages], [1, 3, 2, 2]);
    assert.equal(typeof page.body.keys[0], "string");
    const full = await get(open.emu, "/key/list?user_id=pager&return_full_object=true");
    assert.equal(full.body.keys[0].user_id, "pager");
    assert.equal((await get(open.emu, "/key/list?size=101")).status, 422);
  });
});

describe("/model/* and /credentials", () => {
  it("creates with the caller's id, hides api_key on reads, refuses a duplicate id with 500", async () => {
    const body = { model_name: "gpt", litellm_params: { model: "openai/gpt", api_key: "sk-up", api_base: "https://x" }, model_info: { id: "m-1", mode: "chat" } };
    const made = await post(open.emu, "/model/new", body);
    assert.equal(made.status, 200);
    assert.equal(made.body.model_id, "m-1");
    assert.notEqual(made.body.litellm_params.api_key, "sk-up");
    const dup = await post(open.emu, "/model/new", body);
    assert.equal(dup.status, 500);
    assert.equal(dup.body.error.type, "auth_error");
    const info = await get(open.emu, "/v2/model/info?modelId=m-1");
    assert.deepEqual(info.body.data[0].litellm_params, { model: "openai/gpt", api_base: "https://x" });
    assert.deepEqual(info.body.data[0].model_info, { id: "m-1", mode: "chat", db_model: true });
    assert.equal((await get(open.emu, "/model/info?litellm_model_id=nope")).status, 404);
  });

  it("PATCH merges and skips nulls except litellm_credential_name; delete of an unknown id is 400", async () => {
    await post(open.emu, "/model/new", { model_name: "m", litellm_params: { model: "openai/m", rpm: 5 }, model_info: { id: "p-1" } });
    assert.equal((await call(open.emu, "PATCH", "/model/p-1/update", { body: { litellm_params: { litellm_credential_name: "nope" } } })).status, 400);
    await post(open.emu, "/credentials", { credential_name: "c", credential_info: {}, credential_values: { api_key: "sk-c" } });
    await call(open.emu, "PATCH", "/model/p-1/update", { body: { litellm_params: { rpm: null, tpm: 7, litellm_credential_name: "c" } } });
    assert.deepEqual(open.emu.store.models.get("p-1")!.litellm_params, { model: "openai/m", rpm: 5, tpm: 7, litellm_credential_name: "c" });
    await call(open.emu, "PATCH", "/model/p-1/update", { body: { litellm_params: { litellm_credential_name: null } } });
    assert.equal("litellm_credential_name" in open.emu.store.models.get("p-1")!.litellm_params, false);
    assert.equal((await call(open.emu, "PATCH", "/model/none/update", { body: {} })).status, 404);
    assert.equal((await post(open.emu, "/model/delete", { id: "p-1" })).status, 200);
    assert.equal((await post(open.emu, "/model/delete", { id: "p-1" })).status, 400);
  });

  it("a team model: 403 without the licence; else 400 for an unknown team, renamed, public name in the team's models until deleted", async () => {
    const body = { model_name: "team-gpt", litellm_params: { model: "openai/gpt" }, model_info: { id: "tm-1", team_id: "t-models" } };
    const refused = await post(open.emu, "/model/new", body);
    assert.equal(refused.status, 403);
    assert.match(JSON.stringify(refused.body), /Enterprise/);
    assert.equal(open.emu.store.models.has("tm-1"), false);
    assert.equal((await post(licensed.emu, "/model/new", body)).status, 400);
    await post(licensed.emu, "/team/new", { team_id: "t-models" });
    const made = await post(licensed.emu, "/model/new", body);
    assert.equal(made.status, 200);
    assert.match(made.body.model_name, /^model_name_t-models_[0-9a-f-]{36}$/);
    assert.equal(made.body.model_info.team_public_model_name, "team-gpt");
    // A team with every model (models = []) keeps every model beside its own (add_new_models_to_team).
    assert.deepEqual(licensed.emu.store.teams.get("t-models")!.models, ["all-proxy-models", "team-gpt"]);
    const found = await get(licensed.emu, "/v2/model/info?search=model_name_t-models_");
    assert.deepEqual(found.body.data.map((m: { model_info: { id: string } }) => m.model_info.id), ["tm-1"]);
    assert.equal((await get(licensed.emu, "/v2/model/info?search=TEAM-gp")).body.total_count, 1, "search also matches the public name, case-insensitively");
    assert.equal((await post(licensed.emu, "/model/delete", { id: "tm-1" })).status, 200);
    assert.deepEqual(licensed.emu.store.teams.get("t-models")!.models, ["all-proxy-models"]);
    await post(licensed.emu, "/team/new", { team_id: "t-limited", models: ["zeta", "alpha"] });
    await post(licensed.emu, "/model/new", { ...body, model_info: { id: "tm-2", team_id: "t-limited" } });
    assert.deepEqual(licensed.emu.store.teams.get("t-limited")!.models, ["alpha", "team-gpt", "zeta"], "a set: no duplicate, order not kept");
  });

  it("credentials: masked reads, merged PATCH, names with slashes, 200 for deleting an unknown name", async () => {
    const made = await post(open.emu, "/credentials", { credential_name: "team/openai", credential_info: { p: "openai" }, credential_values: { api_key: "sk-secret-1", api_base: "https://a" } });
    assert.deepEqual(made.body, { success: true, message: "Credential created successfully" });
    const read = await get(open.emu, "/credentials/by_name/team/openai");
    assert.deepEqual(read.body.credential_values, { api_key: "sk-s****", api_base: "https://a" });
    const patch = await call(open.emu, "PATCH", "/credentials/team/openai", { body: { credential_name: "team/openai", credential_info: { q: "1" }, credential_values: { api_key: "sk-secret-2" } } });
    assert.equal(patch.status, 200);
    assert.deepEqual(open.emu.store.credentials.get("team/openai"), { credential_name: "team/openai", credential_info: { p: "openai", q: "1" }, credential_values: { api_key: "sk-secret-2", api_base: "https://a" } });
    assert.equal((await call(open.emu, "PATCH", "/credentials/team/openai", { body: { credential_name: "x" } })).status, 422);
    assert.equal((await get(open.emu, "/credentials/by_name/nope")).status, 404);
    assert.equal((await call(open.emu, "DELETE", "/credentials/nope")).status, 200);
  });
});
