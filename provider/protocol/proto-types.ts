// Message and service tables built from the generated JSON descriptors (gen/descriptors.ts): for each
// message, its fields by number with their wire kinds, ready for the decoder and encoder. This replaces
// protobufjs at run time; building these tables costs a fraction of a millisecond.

import { descriptors } from "./gen/descriptors";

export type ScalarKind =
  | "string" | "bytes" | "bool"
  | "int32" | "int64" | "uint32" | "uint64" | "sint32" | "sint64" | "enum"
  | "double" | "float" | "fixed32" | "fixed64" | "sfixed32" | "sfixed64";

export interface FieldInfo {
  readonly name: string;
  readonly id: number;
  /** "message" for nested messages; otherwise the scalar kind (enums are "enum"). */
  readonly kind: ScalarKind | "message";
  readonly repeated: boolean;
  /** Set for map fields: the entry's key kind; the value is described by kind/message/enumValues. */
  readonly mapKey?: ScalarKind;
  /** Member of a oneof: present only when set, and written even when it holds a default value. */
  readonly oneof: boolean;
  /** The nested message's table (for map fields: the value's). */
  message?: MessageInfo;
  readonly messageName?: string;
  readonly enumValues?: Readonly<Record<string, number>>;
}

export interface MessageInfo {
  readonly fullName: string;
  readonly fields: readonly FieldInfo[];
  /** Fields indexed by field number (sparse). */
  readonly byNumber: readonly (FieldInfo | undefined)[];
  readonly byName: ReadonlyMap<string, FieldInfo>;
}

export interface MethodInfo {
  readonly name: string;
  readonly requestType: string;
  readonly responseType: string;
  readonly responseStream: boolean;
}

export interface JsonNamespace {
  nested?: Record<string, JsonNamespace>;
  fields?: Record<string, { type: string; id: number; rule?: string; keyType?: string }>;
  oneofs?: Record<string, { oneof: string[] }>;
  values?: Record<string, number>;
  methods?: Record<string, { requestType: string; responseType: string; responseStream?: boolean }>;
}

const SCALARS = new Set<string>([
  "string", "bytes", "bool", "int32", "int64", "uint32", "uint64", "sint32", "sint64",
  "double", "float", "fixed32", "fixed64", "sfixed32", "sfixed64",
]);

export interface ProtoTables {
  messageInfo(fullName: string): MessageInfo;
  serviceMethods(fullName: string): MethodInfo[];
}

/** Tables over a protobufjs-style JSON descriptor (the shape of gen/descriptors.ts). */
export function createProtoTables(root: JsonNamespace): ProtoTables {
  const messages = new Map<string, MessageInfo>();
  function node(path: readonly string[]): JsonNamespace | undefined {
    let ns: JsonNamespace | undefined = root;
    for (const part of path) ns = ns?.nested?.[part];
    return ns;
  }

  /** Resolves a type reference the way protoc does: from the innermost enclosing scope outwards. */
  function resolve(scope: readonly string[], ref: string): string[] {
    const parts = ref.replace(/^\./, "").split(".");
    if (ref.startsWith(".")) return parts;
    for (let depth = scope.length; depth >= 0; depth--) {
      const candidate = [...scope.slice(0, depth), ...parts];
      if (node(candidate)) return candidate;
    }
    throw new Error(`protobuf type ${ref} referenced from ${scope.join(".")} is not defined`);
  }

  function messageInfo(fullName: string): MessageInfo {
    const known = messages.get(fullName);
    if (known) return known;
    const path = fullName.split(".");
    const json = node(path);
    if (!json?.fields) throw new Error(`protobuf message ${fullName} is not defined`);
    const oneofMembers = new Set(Object.values(json.oneofs ?? {}).flatMap((o) => o.oneof));
    const fields: FieldInfo[] = [];
    const info: MessageInfo = { fullName, fields, byNumber: [], byName: new Map() };
    messages.set(fullName, info); // before resolving fields: messages may refer to themselves
    for (const [name, f] of Object.entries(json.fields)) {
      const field = fieldInfo(path, name, f, oneofMembers.has(name));
      fields.push(field);
      (info.byNumber as (FieldInfo | undefined)[])[field.id] = field;
      (info.byName as Map<string, FieldInfo>).set(name, field);
    }
    // Registered above before this runs, so a message that contains itself resolves to the same table.
    for (const field of fields) if (field.messageName) field.message = messageInfo(field.messageName);
    return info;
  }

  function fieldInfo(scope: string[], name: string, f: { type: string; id: number; rule?: string; keyType?: string }, oneof: boolean): FieldInfo {
    const base = { name, id: f.id, repeated: f.rule === "repeated", oneof, mapKey: f.keyType as ScalarKind | undefined };
    if (f.keyType !== undefined && !SCALARS.has(f.keyType)) throw new Error(`map key type ${f.keyType} of ${name} is not supported`);
    if (SCALARS.has(f.type)) return { ...base, kind: f.type as ScalarKind };
    const target = resolve(scope, f.type);
    const json = node(target)!;
    if (json.values) return { ...base, kind: "enum", enumValues: json.values };
    return { ...base, kind: "message", messageName: target.join(".") };
  }

  function serviceMethods(fullName: string): MethodInfo[] {
    const path = fullName.split(".");
    const json = node(path);
    if (!json?.methods) throw new Error(`protobuf service ${fullName} is not defined`);
    const scope = path.slice(0, -1);
    return Object.entries(json.methods).map(([name, m]) => ({
      name,
      requestType: resolve(scope, m.requestType).join("."),
      responseType: resolve(scope, m.responseType).join("."),
      responseStream: m.responseStream === true,
    }));
  }

  return { messageInfo, serviceMethods };
}

const tables = createProtoTables(descriptors as JsonNamespace);
export const messageInfo = tables.messageInfo;
export const serviceMethods = tables.serviceMethods;
