// A small provider for the RPC handlers' tests: one resource (test_thing) and one data source (test_lookup),
// whose behaviour each test sets through optional function fields (the rest do nothing).
import { decodeDynamicValue, encodeDynamicValue } from "../../protocol/codec";
import type * as tf from "../../protocol/gen/tfplugin6";
import { createLogger } from "../../log";
import { newObject, type TfObject, type TfValue } from "../../values/value";
import type { DataSourceDefinition, ProviderDefinition, ResourceDefinition } from "../resource";
import { impliedType, readSchemaDocument, type SchemaDocument } from "../schema";
import { createProviderService } from "./provider-service";

export const document: SchemaDocument = {
  format_version: "1.0",
  provider_schemas: {
    "registry.terraform.io/test/test": {
      provider: { version: 0, block: { attributes: { endpoint: { type: "string", optional: true } } } },
      resource_schemas: {
        test_thing: {
          version: 1,
          block: {
            attributes: {
              id: { type: "string", computed: true },
              name: { type: "string", required: true },
              size: { type: "number", optional: true, computed: true },
              tags: { type: ["list", "string"], optional: true },
              token: { type: "string", computed: true, sensitive: true },
            },
          },
        },
      },
      data_source_schemas: {
        test_lookup: { version: 0, block: { attributes: { name: { type: "string", required: true }, id: { type: "string", computed: true } } } },
      },
    },
  },
} as unknown as SchemaDocument;

const schemas = readSchemaDocument(document);
export const thingType = impliedType(schemas.resources.get("test_thing")!.block);
export const lookupType = impliedType(schemas.dataSources.get("test_lookup")!.block);
export const providerType = impliedType(schemas.provider.block);

export interface Client {
  endpoint: string;
}

export type ThingOverrides = Partial<Omit<ResourceDefinition<Client>, "typeName">>;

/** The provider, with test_thing's and test_lookup's behaviour replaced where given. */
export function testService(thing: ThingOverrides = {}, lookup: Partial<Omit<DataSourceDefinition<Client>, "typeName">> = {}, provider: Partial<ProviderDefinition<Client>> = {}) {
  const resource: ResourceDefinition<Client> = {
    typeName: "test_thing",
    defaults: { size: 1 },
    create: async () => {},
    read: async () => {},
    update: async () => {},
    delete: async () => {},
    ...thing,
  };
  const dataSource: DataSourceDefinition<Client> = { typeName: "test_lookup", read: async () => {}, ...lookup };
  const definition: ProviderDefinition<Client> = {
    configure: async (req, resp) => {
      resp.client = { endpoint: String(req.config.endpoint ?? "default") };
    },
    resources: [resource],
    dataSources: [dataSource],
    ...provider,
  };
  return createProviderService(definition, document, createLogger("test", undefined));
}

/** A service already configured, as Terraform configures before any resource RPC. */
export async function configuredService(...args: Parameters<typeof testService>) {
  const service = testService(...args);
  await service.ConfigureProvider({ terraform_version: "1.11.4", config: encodeDynamicValue(newObject([["endpoint", "e"]]), providerType) });
  return service;
}

/** A test_thing object: every attribute null unless given. */
export function thing(values: Record<string, TfValue> = {}): TfObject {
  return newObject(Object.entries({ id: null, name: null, size: null, tags: null, token: null, ...values }));
}

export const enc = (o: TfObject | null, type = thingType): tf.DynamicValue => encodeDynamicValue(o, type);
export const dec = (dv: tf.DynamicValueInit | undefined, type = thingType) => decodeDynamicValue(dv, type) as TfObject | null;
export const noBytes = new Uint8Array();

/** Diagnostics as "severity summary @path" lines, the easiest form to compare in a table. */
export function brief(diagnostics: tf.Diagnostic[]): string[] {
  return diagnostics.map((d) => {
    const path = (d.attribute?.steps ?? []).map((s) => s.attribute_name ?? s.element_key_string ?? s.element_key_int).join(".");
    return `${d.severity === 1 ? "error" : "warning"} ${d.summary}${path ? ` @${path}` : ""}`;
  });
}
