// TypeScript shapes of the tfplugin6 messages this provider serves, as plain objects.
// Field names are the proto's own snake_case names (the descriptors are loaded with keepCase),
// bytes are Uint8Array (Buffer when decoded), enums are numbers and int64 fields are JS numbers.
// Decoded requests always carry their repeated and map fields (possibly empty) and every scalar
// (with its default); message fields that Terraform left unset are absent.
// The wire format itself is defined once, in proto/tfplugin6.proto.

export interface DynamicValue {
  msgpack?: Uint8Array;
  json?: Uint8Array;
}

export const enum Severity {
  INVALID = 0,
  ERROR = 1,
  WARNING = 2,
}

export interface AttributePathStep {
  attribute_name?: string;
  element_key_string?: string;
  element_key_int?: number;
}

export interface AttributePath {
  steps: AttributePathStep[];
}

export interface Diagnostic {
  severity: Severity;
  summary: string;
  detail?: string;
  attribute?: AttributePath;
}

export const enum StringKind {
  PLAIN = 0,
  MARKDOWN = 1,
}

export interface SchemaAttribute {
  name: string;
  type?: Uint8Array;
  nested_type?: SchemaObject;
  description?: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  description_kind?: StringKind;
  deprecated?: boolean;
  write_only?: boolean;
}

export const enum NestingMode {
  INVALID = 0,
  SINGLE = 1,
  LIST = 2,
  SET = 3,
  MAP = 4,
  GROUP = 5,
}

export interface SchemaObject {
  attributes: SchemaAttribute[];
  nesting: NestingMode;
  min_items?: number;
  max_items?: number;
}

export interface SchemaNestedBlock {
  type_name: string;
  block: SchemaBlock;
  nesting: NestingMode;
  min_items?: number;
  max_items?: number;
}

export interface SchemaBlock {
  version?: number;
  attributes: SchemaAttribute[];
  block_types: SchemaNestedBlock[];
  description?: string;
  description_kind?: StringKind;
  deprecated?: boolean;
}

export interface Schema {
  version: number;
  block: SchemaBlock;
}

export interface ServerCapabilities {
  plan_destroy?: boolean;
  get_provider_schema_optional?: boolean;
  move_resource_state?: boolean;
  generate_resource_config?: boolean;
}

/** What this Terraform accepts from the provider (sent on several requests). */
export interface ClientCapabilities {
  deferral_allowed?: boolean;
  write_only_attributes_allowed?: boolean;
}

export const enum DeferredReason {
  UNKNOWN = 0,
  RESOURCE_CONFIG_UNKNOWN = 1,
  PROVIDER_CONFIG_UNKNOWN = 2,
  ABSENT_PREREQ = 3,
}

/** Set only when the request's client_capabilities.deferral_allowed is true. */
export interface Deferred {
  reason: DeferredReason;
}

export interface RawState {
  json?: Uint8Array;
  flatmap?: { [key: string]: string };
}

export interface Empty {}

export interface GetMetadataResponse {
  server_capabilities: ServerCapabilities;
  diagnostics: Diagnostic[];
  data_sources: { type_name: string }[];
  resources: { type_name: string }[];
}

export interface GetProviderSchemaResponse {
  provider: Schema;
  resource_schemas: { [typeName: string]: Schema };
  data_source_schemas: { [typeName: string]: Schema };
  diagnostics: Diagnostic[];
  provider_meta?: Schema;
  server_capabilities: ServerCapabilities;
}

export interface ValidateProviderConfigRequest {
  config?: DynamicValue;
}
export interface DiagnosticsResponse {
  diagnostics: Diagnostic[];
}

export interface ValidateResourceConfigRequest {
  type_name: string;
  config?: DynamicValue;
  client_capabilities?: ClientCapabilities;
}

export interface ValidateDataResourceConfigRequest {
  type_name: string;
  config?: DynamicValue;
}

export interface ConfigureProviderRequest {
  terraform_version?: string;
  config?: DynamicValue;
  client_capabilities?: ClientCapabilities;
}

export interface UpgradeResourceStateRequest {
  type_name: string;
  version: number;
  raw_state?: RawState;
}
export interface UpgradeResourceStateResponse {
  upgraded_state?: DynamicValue;
  diagnostics: Diagnostic[];
}

export interface ReadResourceRequest {
  type_name: string;
  current_state?: DynamicValue;
  private?: Uint8Array;
  provider_meta?: DynamicValue;
  client_capabilities?: ClientCapabilities;
}
export interface ReadResourceResponse {
  new_state?: DynamicValue;
  diagnostics: Diagnostic[];
  private?: Uint8Array;
  deferred?: Deferred;
}

export interface PlanResourceChangeRequest {
  type_name: string;
  prior_state?: DynamicValue;
  proposed_new_state?: DynamicValue;
  config?: DynamicValue;
  prior_private?: Uint8Array;
  provider_meta?: DynamicValue;
  client_capabilities?: ClientCapabilities;
}
export interface PlanResourceChangeResponse {
  planned_state?: DynamicValue;
  requires_replace: AttributePath[];
  planned_private?: Uint8Array;
  diagnostics: Diagnostic[];
  deferred?: Deferred;
}

export interface ApplyResourceChangeRequest {
  type_name: string;
  prior_state?: DynamicValue;
  planned_state?: DynamicValue;
  config?: DynamicValue;
  planned_private?: Uint8Array;
  provider_meta?: DynamicValue;
}
export interface ApplyResourceChangeResponse {
  new_state?: DynamicValue;
  private?: Uint8Array;
  diagnostics: Diagnostic[];
}

export interface ImportResourceStateRequest {
  type_name: string;
  id: string;
  client_capabilities?: ClientCapabilities;
}
export interface ImportedResource {
  type_name: string;
  state?: DynamicValue;
  private?: Uint8Array;
}
export interface ImportResourceStateResponse {
  imported_resources: ImportedResource[];
  diagnostics: Diagnostic[];
  deferred?: Deferred;
}

export interface ReadDataSourceRequest {
  type_name: string;
  config?: DynamicValue;
  provider_meta?: DynamicValue;
  client_capabilities?: ClientCapabilities;
}
export interface ReadDataSourceResponse {
  state?: DynamicValue;
  diagnostics: Diagnostic[];
  deferred?: Deferred;
}

export interface StopProviderResponse {
  Error: string;
}

/** The tfplugin6 Provider service methods this provider implements; every other method answers UNIMPLEMENTED. */
export interface ProviderService {
  GetMetadata(req: Empty): Promise<GetMetadataResponse>;
  GetProviderSchema(req: Empty): Promise<GetProviderSchemaResponse>;
  ValidateProviderConfig(req: ValidateProviderConfigRequest): Promise<DiagnosticsResponse>;
  ValidateResourceConfig(req: ValidateResourceConfigRequest): Promise<DiagnosticsResponse>;
  ValidateDataResourceConfig(req: ValidateDataResourceConfigRequest): Promise<DiagnosticsResponse>;
  UpgradeResourceState(req: UpgradeResourceStateRequest): Promise<UpgradeResourceStateResponse>;
  ConfigureProvider(req: ConfigureProviderRequest): Promise<DiagnosticsResponse>;
  ReadResource(req: ReadResourceRequest): Promise<ReadResourceResponse>;
  PlanResourceChange(req: PlanResourceChangeRequest): Promise<PlanResourceChangeResponse>;
  ApplyResourceChange(req: ApplyResourceChangeRequest): Promise<ApplyResourceChangeResponse>;
  ImportResourceState(req: ImportResourceStateRequest): Promise<ImportResourceStateResponse>;
  ReadDataSource(req: ReadDataSourceRequest): Promise<ReadDataSourceResponse>;
  StopProvider(req: Empty): Promise<StopProviderResponse>;
}
export type ProviderMethodName = keyof ProviderService;
