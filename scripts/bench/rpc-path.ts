// A developer's microbenchmark of the per-RPC path, without Terraform: protobuf bytes in, through
// provider-rpc (protobuf, msgpack, framework, litellm_user), protobuf bytes out; ReadResource also
// makes its HTTP call to an emulator in another process. Prints CPU microseconds per call, per method.
//   node --import tsx scripts/bench/rpc-path.ts [iterations]
import { performance } from "node:perf_hooks";
import schemaDocument from "../../schema/litellm.schema.json";
import { impliedType, readSchemaDocument, type SchemaDocument } from "../../provider/framework/schema";
import { createLogger } from "../../provider/log";
import { encodeDynamicValue, newObject, type TfObject, type TfValue } from "../../provider/protocol/codec";
import { messageCodec } from "../../provider/protocol/message-codec";
import { createProviderRpc } from "../../provider/protocol/provider-rpc";
import { createLitellmProviderService } from "../../provider/resources";
import { startBenchEmulator } from "./emulator-process";

async function main(): Promise<void> {
  const iterations = Number(process.argv[2] ?? 2000);
  const emulator = await startBenchEmulator();
  try {
    const schemas = readSchemaDocument(schemaDocument as SchemaDocument);
    const userType = impliedType(schemas.resources.get("litellm_user")!.block);
    const providerType = impliedType(schemas.provider.block);
    const attrs = schemas.resources.get("litellm_user")!.block.attributes;
    const rpc = createProviderRpc(createLitellmProviderService(createLogger("bench", undefined)), createLogger("bench", undefined));
    const call = async (method: string, request: Record<string, unknown>) => {
      const bytes = messageCodec(`tfplugin6.${method}.Request`).encode(request);
      return messageCodec<Record<string, any>>(`tfplugin6.${method}.Response`).decode(await rpc.invoke(method, bytes));
    };

    const providerConfig = newObject(schemas.provider.block.attributes.map((a) => [a.name, null as TfValue]));
    providerConfig.api_base = emulator.url;
    providerConfig.api_key = emulator.masterKey;
    await call("ConfigureProvider", { config: encodeDynamicValue(providerConfig, providerType) });

    const config: TfObject = newObject(attrs.map((a) => [a.name, null as TfValue]));
    Object.assign(config, { user_email: "bench@example.com", user_alias: "bench", user_role: "user", max_budget: 10, budget_duration: "monthly", models: ["gpt-4o"], metadata: '{"team":"bench"}' });
    const created = await call("PlanResourceChange", { type_name: "litellm_user", config: encodeDynamicValue(config, userType), proposed_new_state: encodeDynamicValue(config, userType), prior_state: encodeDynamicValue(null, userType) });
    const applied = await call("ApplyResourceChange", { type_name: "litellm_user", config: encodeDynamicValue(config, userType), planned_state: created.planned_state, prior_state: encodeDynamicValue(null, userType), planned_private: created.planned_private });
    if (applied.diagnostics.length) throw new Error(JSON.stringify(applied.diagnostics));
    const state = applied.new_state;
    const stateJson = Buffer.from(JSON.stringify(Object.fromEntries(attrs.map((a) => [a.name, null]))));

    const cases: [string, Record<string, unknown>][] = [
      ["UpgradeResourceState", { type_name: "litellm_user", version: 0, raw_state: { json: stateJson } }],
      ["ValidateResourceConfig", { type_name: "litellm_user", config: encodeDynamicValue(config, userType) }],
      ["PlanResourceChange", { type_name: "litellm_user", config: encodeDynamicValue(config, userType), proposed_new_state: state, prior_state: state, prior_private: applied.private }],
      ["ReadResource", { type_name: "litellm_user", current_state: state, private: applied.private }],
    ];
    for (const [method, request] of cases) {
      for (let i = 0; i < 200; i++) await call(method, request); // warm up the JIT
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < iterations; i++) await call(method, request);
      const cpu = process.cpuUsage(cpu0);
      const us = (cpu.user + cpu.system) / iterations;
      console.log(`${method.padEnd(24)} ${us.toFixed(1).padStart(7)} µs CPU/call  ${(((performance.now() - t0) * 1000) / iterations).toFixed(1).padStart(7)} µs wall/call  (client-side encode/decode included)`);
    }
  } finally {
    await emulator.stop();
  }
}

void main();
