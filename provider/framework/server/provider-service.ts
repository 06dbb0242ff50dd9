// The tfplugin6 Provider service, assembled from one handler per RPC. Only this folder touches protocol shapes.
import type * as tf from "../../protocol/gen/tfplugin6";
import { log as defaultLog, type Logger } from "../../log";
import type { ProviderDefinition } from "../resource";
import { readSchemaDocument, type SchemaDocument } from "../schema";
import { ProviderRuntime } from "./runtime";
import { buildGetProviderSchemaResponse } from "./get-provider-schema";
import { getMetadata } from "./get-metadata";
import { validateProviderConfig } from "./validate-provider-config";
import { validateResourceConfig } from "./validate-resource-config";
import { validateDataResourceConfig } from "./validate-data-resource-config";
import { configureProvider } from "./configure-provider";
import { upgradeResourceState } from "./upgrade-resource-state";
import { readResource } from "./read-resource";
import { planResourceChange } from "./plan-resource-change";
import { applyResourceChange } from "./apply-resource-change";
import { importResourceState } from "./import-resource-state";
import { readDataSource } from "./read-data-source";

/** The service with each handler's own answer type (what it always fills in), for callers in-process. */
export type ProviderServiceHandle = ReturnType<typeof createProviderService<unknown>>;

export function createProviderService<C>(
  definition: ProviderDefinition<C>,
  document: SchemaDocument,
  logger: Logger = defaultLog,
) {
  const rt = new ProviderRuntime(readSchemaDocument(document), definition, logger);
  let schemaResponse: tf.GetProviderSchemaResponseInit | undefined;
  const rpcCounts: Record<string, number> = {};
  const counted = <Req, Res>(name: string, fn: (req: Req) => Promise<Res>) => (req: Req) => {
    rpcCounts[name] = (rpcCounts[name] ?? 0) + 1;
    if (logger.enabled("trace")) logger.trace("served RPC", { rpc: name });
    return fn(req);
  };
  return {
    /** RPCs served so far, by method; the benchmark reads it. */
    rpcCounts: rpcCounts as Readonly<Record<string, number>>,
    GetMetadata: counted("GetMetadata", async () => getMetadata(rt.schemas)),
    GetProviderSchema: counted("GetProviderSchema", async () => (schemaResponse ??= buildGetProviderSchemaResponse(rt.schemas))),
    ValidateProviderConfig: counted("ValidateProviderConfig", (req: tf.ValidateProviderConfigRequest) => validateProviderConfig(rt, req)),
    ValidateResourceConfig: counted("ValidateResourceConfig", (req: tf.ValidateResourceConfigRequest) => validateResourceConfig(rt, req)),
    ValidateDataResourceConfig: counted("ValidateDataResourceConfig", (req: tf.ValidateDataResourceConfigRequest) =>
      validateDataResourceConfig(rt, req),
    ),
    ConfigureProvider: counted("ConfigureProvider", (req: tf.ConfigureProviderRequest) => configureProvider(rt, req)),
    UpgradeResourceState: counted("UpgradeResourceState", (req: tf.UpgradeResourceStateRequest) => upgradeResourceState(rt, req)),
    ReadResource: counted("ReadResource", (req: tf.ReadResourceRequest) => readResource(rt, req)),
    PlanResourceChange: counted("PlanResourceChange", (req: tf.PlanResourceChangeRequest) => planResourceChange(rt, req)),
    ApplyResourceChange: counted("ApplyResourceChange", (req: tf.ApplyResourceChangeRequest) => applyResourceChange(rt, req)),
    ImportResourceState: counted("ImportResourceState", (req: tf.ImportResourceStateRequest) => importResourceState(rt, req)),
    ReadDataSource: counted("ReadDataSource", (req: tf.ReadDataSourceRequest) => readDataSource(rt, req)),
    StopProvider: counted("StopProvider", async () => {
      // Advisory cancel (Ctrl-C): abort waits and retries in flight, keep serving.
      rt.stop.abort();
      return { Error: "" };
    }),
  } satisfies tf.ProviderService & { rpcCounts: unknown };
}
