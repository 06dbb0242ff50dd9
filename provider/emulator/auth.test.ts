import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isMasterKey, maskKey } from "./auth";
import { get, post, useEmulator } from "./emulator.test-support";

const ctx = useEmulator();

function authError(message: string) {
  return { error: { message, type: "auth_error", param: "None", code: "401" } };
}

describe("authentication", () => {
  it("answers 401 'No api key passed in.' without any key header", async () => {
    const res = await get(ctx.emu, "/user/list", {});
    assert.equal(res.status, 401);
    assert.deepEqual(res.body, authError("Authentication Error, No api key passed in."));
  });

  it("treats an Authorization header without Bearer/bearer/Basic as malformed", async () => {
    for (const value of ["sk-1234", "Token sk-1234", "BEARER sk-1234", "Bearer "]) {
      const res = await get(ctx.emu, "/user/list", { authorization: value });
      assert.equal(res.status, 401, value);
      assert.deepEqual(res.body, authError("Authentication Error, Malformed API Key passed in. Ensure Key has `Bearer ` prefix."), value);
    }
  });

  it("accepts Bearer, bearer and Basic prefixes on Authorization", async () => {
    for (const prefix of ["Bearer", "bearer", "Basic"]) {
      const res = await get(ctx.emu, "/user/list", { authorization: `${prefix} sk-1234` });
      assert.equal(res.status, 200, prefix);
    }
  });

  it("reads the fallback headers in order when Authorization is absent", async () => {
    for (const header of ["api-key", "x-api-key", "x-goog-api-key", "ocp-apim-subscription-key"]) {
      const res = await get(ctx.emu, "/user/list", { [header]: "sk-1234" });
      assert.equal(res.status, 200, header);
    }
    const wrongFirst = await get(ctx.emu, "/user/list", { "api-key": "sk-wrong", "x-api-key": "sk-1234" });
    assert.equal(wrongFirst.status, 401, "API-Key outranks x-api-key");
  });

  it("lets x-litellm-api-key win over Authorization, bare or with Bearer", async () => {
    const bare = await get(ctx.emu, "/user/list", { "x-litellm-api-key": "sk-1234", authorization: "Bearer sk-wrong" });
    assert.equal(bare.status, 200);
    const bearer = await get(ctx.emu, "/user/list", { "x-litellm-api-key": "Bearer sk-1234", authorization: "garbage" });
    assert.equal(bearer.status, 200);
    const loses = await get(ctx.emu, "/user/list", { "x-litellm-api-key": "sk-wrong", authorization: "Bearer sk-1234" });
    assert.equal(loses.status, 401);
  });

  it("asks for a virtual key when the key does not start with sk-, masking it", async () => {
    const long = await get(ctx.emu, "/user/list", { authorization: "Bearer abcdefghijkl" });
    assert.equal(long.status, 401);
    assert.deepEqual(long.body, authError("LiteLLM Virtual Key expected. Received=abcd****ijkl, expected to start with 'sk-'."));
    const short = await get(ctx.emu, "/user/list", { authorization: "Bearer abcdefgh" });
    assert.deepEqual(short.body, authError("LiteLLM Virtual Key expected. Received=****, expected to start with 'sk-'."));
  });

  it("rejects an unknown sk- key with token_not_found_in_db and never echoes the key", async () => {
    const res = await get(ctx.emu, "/user/list", { authorization: "Bearer sk-12345-typo" });
    assert.equal(res.status, 401);
    assert.equal(res.body.error.type, "token_not_found_in_db");
    assert.equal(res.body.error.param, "key");
    assert.equal(res.body.error.code, "401");
    assert.match(res.body.error.message, /^Authentication Error, Invalid proxy server token passed/);
    assert.ok(!res.text.includes("sk-12345-typo"));
  });

  it("authenticates emulator-minted keys but refuses them on admin routes unless their user is proxy_admin", async () => {
    const plain = await post(ctx.emu, "/user/new", { user_id: "plain" });
    const admin = await post(ctx.emu, "/user/new", { user_id: "boss", user_role: "proxy_admin" });
    const refused = await get(ctx.emu, "/user/list", { authorization: `Bearer ${plain.body.key}` });
    assert.equal(refused.status, 401);
    assert.equal(refused.body.error.type, "auth_error");
    assert.match(refused.body.error.message, /Only proxy admin .* Route=\/user\/list\. Your role=internal_user/);
    const allowed = await get(ctx.emu, "/user/list", { authorization: `Bearer ${admin.body.key}` });
    assert.equal(allowed.status, 200);
  });

  it("checks auth before body validation, but FastAPI decodes JSON before auth", async () => {
    const invalid = await post(ctx.emu, "/user/new", { user_role: "team" }, {});
    assert.equal(invalid.status, 401);
    const res = await fetch(ctx.emu.url + "/user/new", { method: "POST", headers: { "content-type": "application/json" }, body: "{oops" });
    assert.equal(res.status, 422);
    assert.equal(((await res.json()) as any).detail[0].type, "json_invalid");
  });

  it("serves /health/liveliness without a key", async () => {
    const res = await get(ctx.emu, "/health/liveliness", {});
    assert.equal(res.status, 200);
    assert.equal(res.body, "I'm alive!");
  });
});

describe("auth helpers", () => {
  it("compares the master key exactly", () => {
    assert.equal(isMasterKey("sk-1234", "sk-1234"), true);
    assert.equal(isMasterKey("sk-123", "sk-1234"), false);
    assert.equal(isMasterKey("sk-12345", "sk-1234"), false);
    assert.equal(isMasterKey("", "sk-1234"), false);
  });

  it("masks keys of 8 characters or fewer completely", () => {
    assert.equal(maskKey("12345678"), "****");
    assert.equal(maskKey("123456789"), "1234****6789");
  });
});
