// Bridge robustness: the msgpack and JSON value decoders, every ProviderService RPC (in process, with random and
// mutated DynamicValues, type names, raw state JSON and private bytes) and the gRPC message layer (mutated protobuf
// bytes) are fed seeded hostile input. Nothing may crash; every answer is an error diagnostic or a valid response.
// Replay a failure with RELIABILITY_FUZZ_SEED=<seed printed in the failure>.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import schemaDocument from "../../schema/litellm.schema.json";
import { startEmulator, type RunningEmulator } from "../../provider/emulator";
import { impliedType, readSchemaDocument, type SchemaDocument } from "../../provider/framework/schema";
import { createLogger } from "../../provider/log";
import { decodeJsonValue, decodeMsgpack, encodeMsgpack, isCodecError } from "../../provider/protocol/codec";
import type { CtyType } from "../../provider/values/cty-type";
import { containsUnknown, isUnknown, newObject, type TfValue } from "../../provider/values/value";
import { messageCodec } from "../../provider/protocol/message-codec";
import { createProviderRpc } from "../../provider/protocol/provider-rpc";
import type * as tf from "../../provider/protocol/gen/tfplugin6";
import { createLitellmProviderService } from "../../provider/resources";
import { canonical, encodeOrRandom, genType, genValue, mutate, Rng } from "./support/fuzz-gen";
import { recordScenario } from "./support/report";

const seed = Number(process.env.RELIABILITY_FUZZ_SEED ?? 0x5eed_2026);
const planned = { msgpack: 60_000, json: 10_000, rpc: 30_000, wire: 12_000 };
const counts = { msgpack: 0, json: 0, rpc: 0, wire: 0 };
/** RPCs that gave at least one answer without an error, and how many LiteLLM calls the fuzz made. */
const answered = new Set<string>();
let reachedLiteLLM = 0;

const schemas = readSchemaDocument(schemaDocument as SchemaDocument);
const resourceTypes = new Map([...schemas.resources].map(([name, schema]) => [name, impliedType(schema.block)]));
const dataTypes = new Map([...schemas.dataSources].map(([name, schema]) => [name, impliedType(schema.block)]));
const userType = resourceTypes.get("litellm_user")!;
const dataType = dataTypes.get("litellm_user")!;
const providerType = impliedType(schemas.provider.block);
const silent = createLogger("fuzz", undefined, () => {});

// A crash in process would otherwise end the run; here it is collected and fails the last test.
const crashes: string[] = [];
const onCrash = (e: unknown) => crashes.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
process.on("uncaughtException", onCrash);
process.on("unhandledRejection", onCrash);

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).subarray(0, 200).toString("hex");
}

describe("value decoders", () => {
  it(`msgpack: ${planned.msgpack} random and mutated values decode or fail with a CodecError`, () => {
    const rng = new Rng(seed);
    const types: CtyType[] = [...resourceTypes.values(), ...dataTypes.values(), providerType, "dynamic", ["list", "dynamic"], ["map", ["set", "number"]]];
    for (let i = 0; i < planned.msgpack; i++) {
      const type = rng.chance(0.8) ? rng.pick(types) : genType(rng);
      const valid = encodeOrRandom(rng, genValue(rng, type), type);
      const r = rng.next();
      const bytes = r < 0.15 ? valid : r < 0.85 ? mutate(rng, valid) : rng.bytes(rng.int(64));
      counts.msgpack++;
      let value: TfValue;
      try {
        value = decodeMsgpack(bytes, type);
      } catch (e) {
        assert.ok(isCodecError(e), `case ${i} (seed ${seed}): ${String(e)} for ${JSON.stringify(type)} ${hex(bytes)}`);
        continue;
      }
      // Whatever decodes re-encodes to the same value.
      let again: TfValue;
      try {
        again = decodeMsgpack(encodeMsgpack(value, type), type);
      } catch (e) {
        assert.fail(`case ${i} (seed ${seed}): decoded but does not round-trip: ${String(e)} for ${JSON.stringify(type)} ${hex(bytes)}`);
      }
      assert.equal(canonical(again), canonical(value), `case ${i} (seed ${seed}): round trip changed the value`);
    }
  });

  it(`JSON: ${planned.json} random and mutated documents decode or fail with a CodecError`, () => {
    const rng = new Rng(seed + 1);
    const encoder = new TextEncoder();
    for (let i = 0; i < planned.json; i++) {
      const type = rng.chance(0.7) ? rng.pick([...resourceTypes.values()]) : genType(rng);
      const text = encoder.encode(stateJson(rng, type));
      const bytes = rng.chance(0.7) ? mutate(rng, text) : text;
      counts.json++;
      try {
        decodeJsonValue(bytes, type);
      } catch (e) {
        assert.ok(isCodecError(e), `case ${i} (seed ${seed}): ${String(e)} for ${Buffer.from(bytes).toString("utf8").slice(0, 200)}`);
      }
    }
  });
});

/** A JSON document shaped like stored state, with the usual kinds of damage. */
function stateJson(rng: Rng, type: CtyType): string {
  const plain = toPlain(genValue(rng, type));
  if (plain && typeof plain === "object" && !Array.isArray(plain)) {
    const o = plain as Record<string, unknown>;
    if (rng.chance(0.2)) delete o[rng.pick(Object.keys(o).concat("x"))];
    if (rng.chance(0.2)) o[rng.pick(["extra", "__proto__", "constructor", "id"])] = rng.pick([1, "x", null, [], {}, true]);
  }
  let text = JSON.stringify(plain) ?? "null";
  if (rng.chance(0.1)) text = text.replace(/\d+/, "1" + "0".repeat(rng.int(400)));
  if (rng.chance(0.05)) text = "[".repeat(5000) + "]".repeat(5000);
  return text;
}

function toPlain(v: TfValue): unknown {
  return JSON.parse(
    JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? Number(x) : x && typeof x === "object" && "type" in x && "value" in x ? (x as { value: unknown }).value : x)) ?? "null",
  );
}

describe("ProviderService and the gRPC layer", () => {
  let emu: RunningEmulator;
  const masterKey = "sk-fuzz-master-key-0123456789";
  /** Configured against the emulator; serves every RPC but Configure and Stop. */
  let configured: tf.ProviderService;
  /** Takes the random ConfigureProvider and StopProvider calls, so that they never point the others elsewhere. */
  let sink: tf.ProviderService;
  /** Never configured: resources must answer "not configured". */
  let bare: tf.ProviderService;

  before(async () => {
    emu = await startEmulator({ port: 0, masterKey });
    // Users that imports and data source lookups can find.
    for (const [user_id, user_email] of [["u-1", "alice@example.com"], ["u-2", "bob@example.com"]]) {
      const res = await fetch(`${emu.url}/user/new`, {
        method: "POST",
        headers: { Authorization: `Bearer ${masterKey}`, "Content-Type": "application/json" },
        body: JSON.stringify({ user_id, user_email, auto_create_key: true }),
      });
      assert.equal(res.status, 200);
    }
    configured = await configuredService(emu.url, masterKey);
    sink = createLitellmProviderService(silent);
    bare = createLitellmProviderService(silent);
  });
  after(async () => {
    await emu.close();
  });

  it(`${planned.rpc} RPC calls with hostile requests answer with a diagnostic or a valid response`, async () => {
    const rng = new Rng(seed + 2);
    for (let i = 0; i < planned.rpc; i++) {
      const { method, request, service } = randomCall(rng, { configured, sink, bare });
      counts.rpc++;
      let response: unknown;
      try {
        response = await (service[method] as (r: unknown) => Promise<unknown>).call(service, request);
      } catch (e) {
        assert.fail(`case ${i} (seed ${seed}): ${method} threw instead of answering: ${e instanceof Error ? e.stack : String(e)}`);
      }
      const where = `case ${i} (seed ${seed}) ${method}`;
      checkResponse(method, request, response, where);
      const diagnostics = (response as { diagnostics?: tf.Diagnostic[] }).diagnostics ?? [];
      if (!diagnostics.some((d) => d.severity === 1)) answered.add(method);
      // Input Terraform could really send must never reach the catch-all: that would be a bug in a handler.
      const unexpected = diagnostics.find((d) => d.summary === "Unexpected Provider Error");
      if (unexpected && isKnownTypeName(method, request.type_name) && wellFormed(method, request)) {
        assert.fail(`${where}: a handler threw on well-formed input: ${unexpected.detail}`);
      }
    }
    const untested = rpcMethods.filter((m) => !answered.has(m));
    assert.deepEqual(untested, [], "every RPC answered some hostile requests successfully, so the fuzz reached past decoding");
    assert.ok(emu.requests.total() > 1000, `only ${emu.requests.total()} calls reached LiteLLM`);
    reachedLiteLLM = emu.requests.total();
  });

  it(`${planned.wire} mutated protobuf requests through the gRPC message layer`, async () => {
    const rng = new Rng(seed + 3);
    const rpc = createProviderRpc(await configuredService(emu.url, masterKey), silent);
    const methods = rpc.methods.filter((m) => m !== "StopProvider" && m !== "ConfigureProvider");
    for (let i = 0; i < planned.wire; i++) {
      const method = rng.pick(methods) as tf.ProviderMethodName;
      const requestCodec = messageCodec(`tfplugin6.${method}.Request`);
      const valid = requestCodec.encode(randomRequest(rng, method));
      const bytes = rng.chance(0.8) ? mutate(rng, valid) : rng.bytes(rng.int(96));
      counts.wire++;
      let answer: Buffer;
      try {
        answer = await rpc.invoke(method, bytes);
      } catch (e) {
        assert.fail(`case ${i} (seed ${seed}): ${method} rejected instead of answering: ${String(e)} for ${hex(bytes)}`);
      }
      const decoded = messageCodec(`tfplugin6.${method}.Response`).decode(answer) as { diagnostics?: tf.Diagnostic[] };
      for (const d of decoded.diagnostics ?? []) checkDiagnostic(d, `wire case ${i} (seed ${seed}) ${method}`);
    }
  });

  it("at least 100,000 cases in all, and nothing crashed", () => {
    const total = counts.msgpack + counts.json + counts.rpc + counts.wire;
    assert.ok(total >= 100_000, `only ${total} cases ran`);
    assert.deepEqual(crashes, []);
    recordScenario({
      id: "7.1",
      scenario: "Bridge fuzz: msgpack and JSON decoders, every RPC in process, mutated protobuf on the gRPC layer",
      faults: `${total.toLocaleString("en")} seeded cases: ${counts.msgpack.toLocaleString("en")} msgpack, ${counts.json.toLocaleString("en")} JSON, ${counts.rpc.toLocaleString("en")} RPC calls, ${counts.wire.toLocaleString("en")} protobuf messages`,
      outcome: `no crash; no handler exception on well-formed input; every answer an error diagnostic or a valid, encodable response; ${reachedLiteLLM.toLocaleString("en")} calls reached the emulator`,
      lost: crashes.length,
    });
  });
});

/** A provider service configured against the emulator, as Terraform's ConfigureProvider would. */
async function configuredService(apiBase: string, apiKey: string): Promise<tf.ProviderService> {
  const service = createLitellmProviderService(silent);
  const config = newObject(Object.keys((providerType as ["object", Record<string, CtyType>])[1]).map((k) => [k, null]));
  Object.assign(config, { api_base: apiBase, api_key: apiKey, max_retries: 0, request_timeout: 5 });
  const res = await service.ConfigureProvider({ terraform_version: "", config: { msgpack: encodeMsgpack(config, providerType), json: new Uint8Array() } });
  assert.deepEqual(res.diagnostics.filter((d) => d.severity === 1), []);
  return service;
}

// ---- requests ----

const strangeTypeNames = ["", "litellm_users", "LITELLM_USER", "litellm_user\u0000", "litellm_", "🙂", "x".repeat(1000)];
const rpcMethods: tf.ProviderMethodName[] = [
  "GetMetadata", "GetProviderSchema", "ValidateProviderConfig", "ValidateResourceConfig", "ValidateDataResourceConfig",
  "ConfigureProvider", "UpgradeResourceState", "ReadResource", "PlanResourceChange", "ApplyResourceChange",
  "ImportResourceState", "ReadDataSource", "StopProvider",
];

function randomCall(rng: Rng, services: { configured: tf.ProviderService; sink: tf.ProviderService; bare: tf.ProviderService }) {
  const method = rng.pick(rpcMethods);
  const request = randomRequest(rng, method);
  const service = method === "ConfigureProvider" || method === "StopProvider" || method === "ValidateProviderConfig" ? services.sink : rng.chance(0.1) ? services.bare : services.configured;
  return { method, request, service };
}

/** The schema type of the values in a request: the provider's, or the named resource's or data source's. */
function typeOf(method: string, typeName: unknown): CtyType {
  if (method.includes("Provider")) return providerType;
  if (method.includes("Data")) return dataTypes.get(String(typeName)) ?? dataType;
  return resourceTypes.get(String(typeName)) ?? userType;
}

function isKnownTypeName(method: string, typeName: unknown): boolean {
  return (method.includes("Data") ? dataTypes : resourceTypes).has(String(typeName));
}

function randomRequest(rng: Rng, method: tf.ProviderMethodName): Record<string, unknown> {
  const names = [...(method.includes("Data") ? dataTypes : resourceTypes).keys()];
  // Mostly litellm_user, whose handlers talk to LiteLLM the most.
  const typeName = rng.chance(0.85) ? (rng.chance(0.7) ? "litellm_user" : rng.pick(names)) : rng.pick(strangeTypeNames);
  const type = typeOf(method, typeName);
  switch (method) {
    case "ValidateProviderConfig":
    case "ConfigureProvider":
      return { config: dynamicValue(rng, providerType), terraform_version: rng.pick(["1.11.4", "", "x".repeat(300)]) };
    case "ValidateResourceConfig":
      return { type_name: typeName, config: dynamicValue(rng, type) };
    case "ValidateDataResourceConfig":
    case "ReadDataSource":
      return { type_name: typeName, config: typeName === "litellm_user" && rng.chance(0.3) ? lookupConfig(rng) : dynamicValue(rng, type) };
    case "UpgradeResourceState":
      return { type_name: typeName, version: rng.pick([0, 0, 0, 1, -1, 2 ** 31 - 1]), raw_state: rawState(rng, type) };
    case "ReadResource":
      return { type_name: typeName, current_state: dynamicValue(rng, type), private: privateBytes(rng) };
    case "PlanResourceChange":
      return {
        type_name: typeName,
        prior_state: dynamicValue(rng, type),
        proposed_new_state: dynamicValue(rng, type),
        config: dynamicValue(rng, type),
        prior_private: privateBytes(rng),
      };
    case "ApplyResourceChange":
      return {
        type_name: typeName,
        prior_state: dynamicValue(rng, type),
        planned_state: dynamicValue(rng, type),
        config: dynamicValue(rng, type),
        planned_private: privateBytes(rng),
      };
    case "ImportResourceState":
      return { type_name: typeName, id: rng.pick(["", "u-1", "nobody@example.com", "alice@example.com", "@", "x".repeat(3000), "%2F..%2F", "a@b@c", " "]) };
    default:
      return {};
  }
}

function dynamicValue(rng: Rng, type: CtyType): tf.DynamicValueInit | undefined {
  const r = rng.next();
  if (r < 0.08) return undefined;
  if (r < 0.12) return { json: new TextEncoder().encode(stateJson(rng, type)) };
  if (r < 0.16) return { msgpack: rng.bytes(rng.int(48)) };
  const valid = encodeOrRandom(rng, genValue(rng, type), type);
  return { msgpack: rng.chance(0.35) ? mutate(rng, valid) : valid };
}

/** A data source config that names one user by email, as a real configuration does. */
function lookupConfig(rng: Rng): tf.DynamicValueInit {
  const config = newObject(Object.keys((dataType as ["object", Record<string, CtyType>])[1]).map((k) => [k, null]));
  config.user_email = rng.pick(["alice@example.com", "bob@example.com", "Alice@Example.COM "]);
  return { msgpack: encodeMsgpack(config, dataType) };
}

function rawState(rng: Rng, type: CtyType): tf.RawStateInit | undefined {
  if (rng.chance(0.05)) return undefined;
  if (rng.chance(0.05)) return { flatmap: { id: "x", "%": "1" } };
  const text = new TextEncoder().encode(stateJson(rng, type));
  return { json: rng.chance(0.3) ? mutate(rng, text) : text };
}

function privateBytes(rng: Rng): Uint8Array | undefined {
  const text = rng.pick([undefined, "", '{"keyToken":"abc"}', '{"keyToken":5}', "[]", "null", '{"__proto__":{"keyToken":"x"}}', "\u0000\u00ff"]);
  if (rng.chance(0.2)) return rng.bytes(rng.int(40));
  return text === undefined ? undefined : new TextEncoder().encode(text);
}

// ---- checks ----

function checkDiagnostic(d: tf.Diagnostic, where: string): void {
  assert.ok(d.severity === 1 || d.severity === 2, `${where}: diagnostic severity ${d.severity}`);
  assert.ok(typeof d.summary === "string" && d.summary.length > 0, `${where}: diagnostic without a summary`);
}

function checkResponse(method: tf.ProviderMethodName, request: Record<string, unknown>, response: unknown, where: string): void {
  assert.ok(response && typeof response === "object", `${where}: no response object`);
  const res = response as Record<string, unknown> & { diagnostics?: tf.Diagnostic[] };
  // It must survive the trip to the wire.
  assert.doesNotThrow(() => messageCodec(`tfplugin6.${method}.Response`).encode(res), `${where}: response cannot be encoded`);
  if (method === "StopProvider") return void assert.equal(typeof res.Error, "string");
  assert.ok(Array.isArray(res.diagnostics), `${where}: no diagnostics list`);
  for (const d of res.diagnostics!) checkDiagnostic(d, where);
  if (res.diagnostics!.some((d) => d.severity === 1)) return;

  const known = (dv: unknown, type: CtyType, what: string, nullable = false) => {
    const v = decodeAnswer(dv as tf.DynamicValueInit | undefined, type, `${where}: ${what}`);
    if (!nullable) assert.notEqual(v, null, `${where}: ${what} is null without an error`);
    assert.equal(containsUnknown(v), false, `${where}: ${what} holds unknowns`);
  };
  const type = typeOf(method, request.type_name);
  switch (method) {
    case "UpgradeResourceState":
      return known(res.upgraded_state, type, "upgraded_state");
    case "ReadResource":
      return known(res.new_state, type, "new_state", true);
    case "ApplyResourceChange":
      return known(res.new_state, type, "new_state", plansDelete(request.planned_state as tf.DynamicValueInit | undefined, type));
    case "PlanResourceChange":
      return void decodeAnswer(res.planned_state as tf.DynamicValueInit | undefined, type, `${where}: planned_state`);
    case "ReadDataSource":
      return known(res.state, type, "state");
    case "ImportResourceState":
      for (const r of res.imported_resources as tf.ImportResourceStateImportedResource[]) known(r.state, resourceTypes.get(r.type_name) ?? type, "imported state");
      return;
  }
}

/**
 * Whether the request is one Terraform could send: every value decodes under its schema type, no object is
 * wholly unknown, and plan and apply carry a configuration (unless deleting).
 */
function wellFormed(method: string, request: Record<string, unknown>): boolean {
  const type = typeOf(method, request.type_name);
  const decoded: Record<string, TfValue> = {};
  for (const field of ["config", "prior_state", "proposed_new_state", "planned_state", "current_state"]) {
    const dv = request[field] as tf.DynamicValueInit | undefined;
    try {
      decoded[field] = dv?.msgpack?.length ? decodeMsgpack(dv.msgpack, type) : dv?.json?.length ? decodeJsonValue(dv.json, type) : null;
    } catch {
      return false;
    }
    if (isUnknown(decoded[field])) return false;
  }
  if (method === "PlanResourceChange" && decoded.proposed_new_state !== null && decoded.config === null) return false;
  if (method === "ApplyResourceChange" && decoded.planned_state !== null && decoded.config === null) return false;
  if (method === "UpgradeResourceState") {
    const raw = request.raw_state as tf.RawStateInit | undefined;
    try {
      if (raw?.json) decodeJsonValue(raw.json, type);
    } catch {
      return false;
    }
  }
  return true;
}

/** A planned state of null asks for a delete, which answers with a null state. */
function plansDelete(dv: tf.DynamicValueInit | undefined, type: CtyType): boolean {
  try {
    if (dv?.msgpack && dv.msgpack.length) return decodeMsgpack(dv.msgpack, type) === null;
    if (dv?.json && dv.json.length) return decodeJsonValue(dv.json, type) === null;
    return true;
  } catch {
    return true;
  }
}

function decodeAnswer(dv: tf.DynamicValueInit | undefined, type: CtyType, what: string): TfValue {
  try {
    if (dv?.msgpack && dv.msgpack.length) return decodeMsgpack(dv.msgpack, type);
    if (dv?.json && dv.json.length) return decodeJsonValue(dv.json, type);
    return null;
  } catch (e) {
    assert.fail(`${what} does not decode: ${String(e)}`);
  }
}
