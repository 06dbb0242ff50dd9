// Configuration validation with ajv: a JSON Schema compiled from the schema document's types plus each
// definition's constraints. Null and unknown values are not checked (Terraform enforces required, and an
// unknown value is only known at apply), so `terraform validate` with input variables never fails on them.
// The executable carries validators ajv generated at build time (precompiled-validators.ts), found by their
// schema; only a schema it does not know (tests under tsx, or a build without them) loads ajv and compiles.
import type Ajv from "ajv";
import type { ErrorObject, ValidateFunction } from "ajv";
import type { CtyType } from "../values/cty-type";
import { containsUnknown, isUnknown, isObject, numberText, Decimal, Dynamic, type TfValue, type TfObject } from "../values/value";
import { Diagnostics, type AttributePath } from "./diagnostics";
import type { BlockSchema } from "./schema";
import { precompiledValidators, type PrecompiledValidators } from "./precompiled-validators";
import { createConfigAjv } from "./validation-ajv";

export { isJsonObjectText } from "./validation-helpers";

export interface AttributeConstraint {
  /** JSON Schema keywords for the attribute's JSON form, e.g. { enum: [...] } or { minimum: 0 }. */
  schema: Record<string, unknown>;
  /** What a valid value looks like, for the diagnostic: "must be one of: admin, user". */
  expectation: string;
}
export type AttributeConstraints = Record<string, AttributeConstraint>;

let ajvInstance: Ajv | undefined;

/** The validator for a schema: the precompiled one when the build made one for exactly this schema, else ajv's. */
function validatorFor(schema: Record<string, unknown>, precompiled: PrecompiledValidators | undefined): ValidateFunction {
  // Loaded on first use only: processes that never validate (or find every schema precompiled) skip ajv.
  return precompiled?.get(configSchemaKey(schema)) ?? (ajvInstance ??= createConfigAjv()).compile(schema);
}

/** A schema's identity for the precompiled table: its JSON with object keys sorted, so key order never matters. */
export function configSchemaKey(schema: unknown): string {
  return JSON.stringify(schema, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

function jsonSchemaForType(t: CtyType): Record<string, unknown> {
  if (t === "string") return { type: "string" };
  if (t === "number") return { type: "number" };
  if (t === "bool") return { type: "boolean" };
  if (t === "dynamic") return {};
  const [kind, arg] = t;
  if (kind === "list" || kind === "set") return { type: "array", items: jsonSchemaForType(arg) };
  if (kind === "map") return { type: "object", additionalProperties: jsonSchemaForType(arg) };
  if (kind === "object") {
    const properties: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(arg)) properties[k] = jsonSchemaForType(v);
    return { type: "object", properties };
  }
  return { type: "array" };
}

export interface ConfigValidator {
  (config: TfObject): Diagnostics;
}

/** The JSON Schema a block's configuration is checked against. Unknown constraint names throw at once. */
export function configJsonSchema(block: BlockSchema, constraints: AttributeConstraints = {}): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const a of block.attributes) properties[a.name] = mergeSchemas(jsonSchemaForType(a.type), constraints[a.name]?.schema ?? {});
  for (const name of Object.keys(constraints)) {
    if (!(name in properties)) throw new Error(`constraint for unknown attribute ${name}`);
  }
  return { type: "object", properties };
}

/**
 * A validator for a block. Unknown constraint names are a programming error and throw at once. `precompiled`
 * is the executable's table of build-time validators; tests pass their own.
 */
export function compileConfigValidator(
  block: BlockSchema,
  constraints: AttributeConstraints = {},
  precompiled: PrecompiledValidators | undefined = precompiledValidators,
): ConfigValidator {
  const schema = configJsonSchema(block, constraints);
  const sensitive = new Set(block.attributes.filter((a) => a.sensitive).map((a) => a.name));
  let compiled: ValidateFunction | undefined;
  const compile = () => (compiled ??= validatorFor(schema, precompiled));

  return (config) => {
    const diagnostics = new Diagnostics();
    const json = toCheckableJson(config);
    const validate = compile();
    if (validate(json)) return diagnostics;
    const reported = new Set<string>();
    for (const error of validate.errors ?? []) {
      const path = pathFromPointer(error.instancePath, block);
      const name = "attribute" in (path[0] ?? {}) ? (path[0] as { attribute: string }).attribute : "";
      const key = error.instancePath;
      if (reported.has(key)) continue;
      reported.add(key);
      const expectation = constraints[name]?.expectation ?? describeAjvError(error);
      const shown = sensitive.has(name) ? "" : ` Got ${JSON.stringify(valueAt(json, path))}.`;
      diagnostics.addError("Invalid Attribute Value", `Attribute ${formatName(path)} ${expectation}.${shown}`, pointable(path));
    }
    return diagnostics;
  };
}

/** The type's schema with the constraint's keywords laid over it, nested keywords (items) merged too. */
function mergeSchemas(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    const b = out[k];
    const bothObjects = b && v && typeof b === "object" && typeof v === "object" && !Array.isArray(b) && !Array.isArray(v);
    out[k] = bothObjects ? mergeSchemas(b as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

function formatName(path: AttributePath): string {
  return path.map((s, i) => ("attribute" in s ? (i ? "." : "") + s.attribute : "key" in s ? `["${s.key}"]` : `[${s.index}]`)).join("");
}

function describeAjvError(e: ErrorObject): string {
  return e.message ?? "is invalid";
}

/** Path steps follow the attribute's type: an object's fields are attribute steps (a map of objects' fields too). */
function pathFromPointer(pointer: string, block: BlockSchema): AttributePath {
  const parts = pointer.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  let type: CtyType | undefined = block.attributes.find((a) => a.name === parts[0])?.type;
  return parts.map((p, i) => {
    if (i === 0) return { attribute: p };
    const inObject = Array.isArray(type) && type[0] === "object";
    const step = inObject ? { attribute: p } : /^\d+$/.test(p) ? { index: Number(p) } : { key: p };
    type = !Array.isArray(type) ? undefined : type[0] === "object" ? type[1][p] : type[0] === "tuple" ? undefined : (type[1] as CtyType);
    return step;
  });
}

/**
 * The part of a path Terraform 1.11 can show in the configuration: it finds map and list elements, not a field of
 * an object written inside one, so the diagnostic points at that element (the message names the whole path).
 */
function pointable(path: AttributePath): AttributePath {
  const field = path.findIndex((s, i) => i > 0 && "attribute" in s);
  return field < 0 ? path : path.slice(0, field);
}

function valueAt(json: unknown, path: AttributePath): unknown {
  let v: unknown = json;
  for (const s of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)["attribute" in s ? s.attribute : "key" in s ? s.key : s.index];
  }
  return v;
}

/** The config as plain JSON, leaving out nulls, and anything unknown or holding unknowns. */
function toCheckableJson(config: TfObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config)) {
    if (v === null || containsUnknown(v)) continue;
    out[k] = plainJson(v);
  }
  return out;
}

function plainJson(v: TfValue): unknown {
  if (v === null || isUnknown(v)) return null;
  // A dynamic attribute is checked by the value it holds, whatever its type.
  if (v instanceof Dynamic) return plainJson(v.value);
  if (typeof v === "bigint" || v instanceof Decimal) return Number(numberText(v));
  if (Array.isArray(v)) return v.map(plainJson);
  if (isObject(v)) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== null) o[k] = plainJson(x);
    return o;
  }
  if (typeof v === "object") return null;
  return v;
}
