// Protobuf messages <-> the plain objects of tfplugin6.ts, using the generated descriptors.
// Plain objects keep the proto's snake_case names; bytes are Buffers (Uint8Array), enums and
// int64 are numbers, repeated and map fields are always present, and unset messages are absent.

import * as protobuf from "protobufjs/light";
import { descriptors } from "./gen/descriptors";

let root: protobuf.Root | undefined;

/** The protobuf root of every service we serve, built once on first use. */
export function protoRoot(): protobuf.Root {
  root ??= protobuf.Root.fromJSON(descriptors as protobuf.INamespace);
  return root;
}

export interface MessageCodec<T = unknown> {
  readonly type: protobuf.Type;
  decode(bytes: Uint8Array): T;
  encode(value: T): Buffer;
  /** True when the message has a repeated `diagnostics` field (where errors can be reported). */
  readonly hasDiagnostics: boolean;
}

const toObjectOptions: protobuf.IConversionOptions = { longs: Number, enums: Number, defaults: true, arrays: true, objects: true };

export function messageCodec<T = unknown>(typeName: string): MessageCodec<T> {
  const type = protoRoot().lookupType(typeName);
  return {
    type,
    hasDiagnostics: type.fields.diagnostics?.repeated === true,
    decode: (bytes) => dropNulls(type.toObject(type.decode(bytes), toObjectOptions)) as T,
    encode: (value) => Buffer.from(type.encode(type.fromObject(value as { [k: string]: unknown })).finish()),
  };
}

/** toObject fills unset message fields with null; the plain shapes leave them out instead. */
function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (const item of value) dropNulls(item);
  } else if (value !== null && typeof value === "object" && !(value instanceof Uint8Array)) {
    const record = value as { [k: string]: unknown };
    for (const key of Object.keys(record)) {
      if (record[key] === null) delete record[key];
      else dropNulls(record[key]);
    }
  }
  return value;
}
