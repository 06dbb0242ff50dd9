// The value codec: Terraform values <-> msgpack/JSON, always guided by a cty type.
export { CodecError, isCodecError, pathText } from "./codec-error";
export { ctyTypeToJson, isPrimitiveType, parseCtyType, type CtyType } from "../../values/cty-type";
export { decodeMsgpack } from "./decode-msgpack";
export { encodeMsgpack } from "./encode-msgpack";
export { decodeJsonValue } from "./decode-json";
export { decodeDynamicValue, encodeDynamicValue } from "./dynamic-value";
export { parseNumberText } from "./number-text";
export * from "../../values/value";
