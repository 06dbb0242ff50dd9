import type * as tf from "../../protocol/gen/tfplugin6";
import type { ProviderSchemas } from "../schema";
import { serverCapabilities } from "./get-provider-schema";

export function getMetadata(schemas: ProviderSchemas): tf.GetMetadataResponseInit {
  return {
    server_capabilities: serverCapabilities,
    diagnostics: [],
    resources: [...schemas.resources.keys()].map((type_name) => ({ type_name })),
    data_sources: [...schemas.dataSources.keys()].map((type_name) => ({ type_name })),
  };
}
