// Protobuf messages <-> plain objects, using the generated descriptors; gen/<package>.ts types them, from the
// same descriptors, as decoded (`X`) and as accepted for encoding (`XInit`).
// Plain objects keep the proto's snake_case names; bytes are Buffers (Uint8Array), enums and
// int64 are numbers, repeated and map fields are always present, and unset messages are absent.
// Decoding and encoding are our own table-driven code (proto-decode.ts, proto-encode.ts): loading
// protobufjs and building its reflection tree cost several milliseconds of every start-up, and its
// decode → toObject → fromObject → encode round trip was a large part of each RPC.

import { decodeMessage } from "./proto-decode";
import { encodeMessage } from "./proto-encode";
import { messageInfo, type MessageInfo } from "./proto-types";

export interface MessageCodec<T = unknown, I = T> {
  readonly info: MessageInfo;
  decode(bytes: Uint8Array): T;
  encode(value: I): Buffer;
  /** True when the message has a repeated `diagnostics` field (where errors can be reported). */
  readonly hasDiagnostics: boolean;
}

const codecs = new Map<string, MessageCodec>();

export function messageCodec<T = unknown, I = T>(typeName: string): MessageCodec<T, I> {
  let codec = codecs.get(typeName);
  if (!codec) {
    const info = messageInfo(typeName);
    codec = {
      info,
      hasDiagnostics: info.byName.get("diagnostics")?.repeated === true,
      decode: (bytes) => decodeMessage(info, bytes),
      encode: (value) => encodeMessage(info, value as Record<string, unknown>),
    };
    codecs.set(typeName, codec);
  }
  return codec as MessageCodec<T, I>;
}
