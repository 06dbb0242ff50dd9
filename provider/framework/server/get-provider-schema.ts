import type * as tf from "../../protocol/gen/tfplugin6";
import type { ProviderSchemas } from "../schema";
import { schemaToProto } from "./to-proto";

export const serverCapabilities: tf.ServerCapabilitiesInit = { plan_destroy: true, get_provider_schema_optional: true };

/** The schema document in protocol form; built once per process, on first use. */
export function buildGetProviderSchemaResponse(schemas: ProviderSchemas): tf.GetProviderSchemaResponseInit {
  const resource_schemas: Record<string, tf.SchemaInit> = {};
  for (const [name, s] of schemas.resources) resource_schemas[name] = schemaToProto(s);
  const data_source_schemas: Record<string, tf.SchemaInit> = {};
  for (const [name, s] of schemas.dataSources) data_source_schemas[name] = schemaToProto(s);
  return {
    provider: schemaToProto(schemas.provider),
    resource_schemas,
    data_source_schemas,
    diagnostics: [],
    server_capabilities: serverCapabilities,
  };
}
