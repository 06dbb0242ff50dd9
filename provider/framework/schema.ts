// The schema document (schema/litellm.schema.json, in the shape of `terraform providers schema -json`)
// read into typed schemas. Everything the provider serves, validates and plans comes from here.
import { parseCtyType, type CtyType } from "../values/cty-type";

export interface AttributeSchema {
  name: string;
  type: CtyType;
  description: string;
  descriptionKind: "plain" | "markdown";
  required: boolean;
  optional: boolean;
  computed: boolean;
  sensitive: boolean;
  deprecated: boolean;
  /** Sent by Terraform (1.11+) in config only: never in plan or state. */
  writeOnly: boolean;
}

export type NestingMode = "single" | "list" | "set" | "map" | "group";

export interface NestedBlockSchema {
  typeName: string;
  nesting: NestingMode;
  block: BlockSchema;
  minItems: number;
  maxItems: number;
}

export interface BlockSchema {
  attributes: AttributeSchema[];
  blockTypes: NestedBlockSchema[];
  description: string;
  descriptionKind: "plain" | "markdown";
  deprecated: boolean;
}

export interface Schema {
  version: number;
  block: BlockSchema;
}

export interface ProviderSchemas {
  address: string;
  provider: Schema;
  resources: Map<string, Schema>;
  dataSources: Map<string, Schema>;
}

// The JSON shapes, as Terraform prints them (the docs generator reads the document through them too).
export interface JsonAttribute {
  type?: unknown;
  nested_type?: { attributes: Record<string, JsonAttribute>; nesting_mode: string };
  description?: string;
  description_kind?: string;
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  sensitive?: boolean;
  deprecated?: boolean;
  write_only?: boolean;
}
export interface JsonBlock {
  attributes?: Record<string, JsonAttribute>;
  block_types?: Record<string, { nesting_mode: string; block: JsonBlock; min_items?: number; max_items?: number }>;
  description?: string;
  description_kind?: string;
  deprecated?: boolean;
}
interface JsonSchema {
  version?: number;
  block: JsonBlock;
}
export interface SchemaDocument {
  format_version: string;
  provider_schemas: Record<
    string,
    { provider: JsonSchema; resource_schemas?: Record<string, JsonSchema>; data_source_schemas?: Record<string, JsonSchema> }
  >;
}

function readBlock(json: JsonBlock): BlockSchema {
  const attributes = Object.entries(json.attributes ?? {}).map(([name, a]): AttributeSchema => ({
    name,
    type: parseCtyType(a.type),
    description: a.description ?? "",
    descriptionKind: a.description_kind === "markdown" ? "markdown" : "plain",
    required: a.required === true,
    optional: a.optional === true,
    computed: a.computed === true,
    sensitive: a.sensitive === true,
    deprecated: a.deprecated === true,
    writeOnly: a.write_only === true,
  }));
  const blockTypes = Object.entries(json.block_types ?? {}).map(([typeName, b]): NestedBlockSchema => ({
    typeName,
    nesting: b.nesting_mode as NestingMode,
    block: readBlock(b.block),
    minItems: b.min_items ?? 0,
    maxItems: b.max_items ?? 0,
  }));
  return {
    attributes,
    blockTypes,
    description: json.description ?? "",
    descriptionKind: json.description_kind === "markdown" ? "markdown" : "plain",
    deprecated: json.deprecated === true,
  };
}

function readSchema(json: JsonSchema): Schema {
  return { version: json.version ?? 0, block: readBlock(json.block) };
}

/** Reads the one provider in the document. */
export function readSchemaDocument(doc: SchemaDocument): ProviderSchemas {
  const entries = Object.entries(doc.provider_schemas);
  if (entries.length !== 1) throw new Error(`schema document must describe exactly one provider, found ${entries.length}`);
  const [address, p] = entries[0];
  return {
    address,
    provider: readSchema(p.provider),
    resources: new Map(Object.entries(p.resource_schemas ?? {}).map(([k, v]) => [k, readSchema(v)])),
    dataSources: new Map(Object.entries(p.data_source_schemas ?? {}).map(([k, v]) => [k, readSchema(v)])),
  };
}

/** The object type a block's values have on the wire. */
export function impliedType(block: BlockSchema): CtyType {
  const attrs: { [name: string]: CtyType } = Object.create(null);
  for (const a of block.attributes) attrs[a.name] = a.type;
  for (const b of block.blockTypes) {
    const inner = impliedType(b.block);
    attrs[b.typeName] =
      b.nesting === "single" || b.nesting === "group" ? inner : b.nesting === "map" ? ["map", inner] : [b.nesting, inner];
  }
  return ["object", attrs];
}

export function attribute(block: BlockSchema, name: string): AttributeSchema | undefined {
  return block.attributes.find((a) => a.name === name);
}
