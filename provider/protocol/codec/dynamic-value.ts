// DynamicValue is how every Terraform value crosses the wire: msgpack from Terraform, msgpack back.

import type { DynamicValue } from "../tfplugin6";
import type { CtyType } from "../../values/cty-type";
import { decodeJsonValue } from "./decode-json";
import { decodeMsgpack } from "./decode-msgpack";
import { encodeMsgpack } from "./encode-msgpack";
import type { TfValue } from "../../values/value";

/** Reads msgpack when present, else JSON, else null, the same order Terraform uses. */
export function decodeDynamicValue(dv: DynamicValue | null | undefined, type: CtyType): TfValue {
  if (dv?.msgpack && dv.msgpack.length > 0) return decodeMsgpack(dv.msgpack, type);
  if (dv?.json && dv.json.length > 0) return decodeJsonValue(dv.json, type);
  return null;
}

/** Always answers in msgpack, typed by the schema. */
export function encodeDynamicValue(value: TfValue, type: CtyType): DynamicValue {
  return { msgpack: encodeMsgpack(value, type) };
}
