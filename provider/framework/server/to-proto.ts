// Framework types → tfplugin6 shapes: schemas and diagnostics.
import type * as tf from "../../protocol/gen/tfplugin6";
import { redact } from "../../log";
import type { AttributePath, Diagnostic } from "../diagnostics";
import type { AttributeSchema, BlockSchema, NestingMode, Schema } from "../schema";

const encoder = new TextEncoder();
const nestingModes: Record<NestingMode, number> = { single: 1, list: 2, set: 3, map: 4, group: 5 };

function attributeToProto(a: AttributeSchema): tf.SchemaAttributeInit {
  return {
    name: a.name,
    type: encoder.encode(JSON.stringify(a.type)),
    description: a.description,
    description_kind: a.descriptionKind === "markdown" ? 1 : 0,
    required: a.required,
    optional: a.optional,
    computed: a.computed,
    sensitive: a.sensitive,
    deprecated: a.deprecated,
  };
}

function blockToProto(b: BlockSchema): tf.SchemaBlockInit {
  return {
    attributes: b.attributes.map(attributeToProto),
    block_types: b.blockTypes.map((n) => ({
      type_name: n.typeName,
      block: blockToProto(n.block),
      nesting: nestingModes[n.nesting],
      min_items: n.minItems,
      max_items: n.maxItems,
    })),
    description: b.description,
    description_kind: b.descriptionKind === "markdown" ? 1 : 0,
    deprecated: b.deprecated,
  };
}

export function schemaToProto(s: Schema): tf.SchemaInit {
  return { version: s.version, block: { version: s.version, ...blockToProto(s.block) } };
}

export function pathToProto(path: AttributePath): tf.AttributePath {
  return {
    steps: path.map((s) =>
      "attribute" in s ? { attribute_name: s.attribute } : "key" in s ? { element_key_string: s.key } : { element_key_int: s.index },
    ),
  };
}

export function diagnosticToProto(d: Diagnostic): tf.Diagnostic {
  const out: tf.Diagnostic = { severity: d.severity === "error" ? 1 : 2, summary: redact(d.summary), detail: redact(d.detail) };
  if (d.path && d.path.length) out.attribute = pathToProto(d.path);
  return out;
}

export function diagnosticsToProto(ds: Diagnostic[]): tf.Diagnostic[] {
  return ds.map(diagnosticToProto);
}

/** A response as a handler builds it: what the encoder accepts, with its diagnostics (and `Filled`) always there and complete. */
export type Answer<R extends { diagnostics?: tf.DiagnosticInit[] }, Filled = unknown> = Omit<R, "diagnostics" | keyof Filled> & {
  diagnostics: tf.Diagnostic[];
} & Filled;
