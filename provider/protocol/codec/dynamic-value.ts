// DynamicValue is how every Terraform value crosses the wire: msgpack from Terraform, msgpack back.

import type { DynamicValue, DynamicValueInit } from "../gen/tfplugin6";
import type { CtyType } from "../../values/cty-type";
import { decodeJsonValue } from "./decode-json";
import { decodeMsgpack } from "./decode-msgpack";
import { encodeMsgpack } from "./encode-msgpack";
import type { TfValue } from "../../values/value";

/** Reads msgpack when present, else JSON, else null, the same order Terraform uses. */
export function decodeDynamicValue(dv: DynamicValueInit | null | undefined, type: CtyType): TfValue {
  if (dv?.msgpack && dv.msgpack.length > 0) return decodeMsgpack(dv.msgpack, type);
  if (dv?.json && dv.json.length > 0) return decodeJsonValue(dv.json, type);
  return null;
}

const NO_JSON = new Uint8Array(0);

/** Always answers in msgpack, typed by the schema (an empty json field is not written). */
export function encodeDynamicValue(value: TfValue, type: CtyType): DynamicValue {
  return { msgpack: encodeMsgpack(value, type), json: NO_JSON };
}
