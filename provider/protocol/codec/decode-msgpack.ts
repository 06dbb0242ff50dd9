// Type-directed msgpack decoding of Terraform values (cty's msgpack encoding).
// The type decides how each token is read; any extension value is an unknown.

import { CodecError, toCodecError, type PathPart } from "./codec-error";
import { ctyTypeToJson, parseCtyType, type CtyType } from "../../values/cty-type";
import { MsgpackReader, type RawNumber } from "./msgpack-reader";
import { parseNumberText } from "./number-text";
import { Dynamic, newObject, unknown, type TfNumber, type TfValue } from "../../values/value";

// Nesting deeper than this only comes from hostile dynamic types; stop before the stack does.
export const MAX_DEPTH = 256;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes one msgpack-encoded value of the given type; throws CodecError on anything malformed. */
export function decodeMsgpack(bytes: Uint8Array, type: CtyType): TfValue {
  const path: PathPart[] = [];
  try {
    const reader = new MsgpackReader(bytes);
    const value = decodeValue(reader, type, path, 0);
    if (reader.remaining > 0) throw new CodecError(`${reader.remaining} unexpected bytes after the value`);
    return value;
  } catch (e) {
    throw toCodecError(e, path, "malformed msgpack value");
  }
}

function decodeValue(r: MsgpackReader, type: CtyType, path: PathPart[], depth: number): TfValue {
  if (depth > MAX_DEPTH) throw new CodecError("value is nested too deeply");
  if (r.tryNil()) return null;
  if (r.tryExt()) return unknown;
  if (type === "string") return r.readString();
  if (type === "bool") return r.readBool();
  if (type === "number") return toTfNumber(r.readNumber());
  if (type === "dynamic") return decodeDynamic(r, path, depth);
  switch (type[0]) {
    case "list":
    case "set":
      return decodeElements(r, type[1], r.readArrayHeader(), path, depth);
    case "tuple":
      return decodeTuple(r, type[1], path, depth);
    case "map":
      return decodeMap(r, type[1], path, depth);
    case "object":
      return decodeObject(r, type[1], path, depth);
  }
  throw new CodecError(`unsupported type ${ctyTypeToJson(type)}`);
}

function toTfNumber(raw: RawNumber): TfNumber {
  return typeof raw === "object" ? parseNumberText(raw.text) : raw;
}

function decodeElements(r: MsgpackReader, elementType: CtyType, count: number, path: PathPart[], depth: number): TfValue[] {
  const out: TfValue[] = [];
  for (let i = 0; i < count; i++) {
    path.push(i);
    out.push(decodeValue(r, elementType, path, depth + 1));
    path.pop();
  }
  return out;
}

function decodeTuple(r: MsgpackReader, types: CtyType[], path: PathPart[], depth: number): TfValue[] {
  const count = r.readArrayHeader();
  if (count !== types.length) throw new CodecError(`tuple needs ${types.length} elements, found ${count}`);
  const out: TfValue[] = [];
  for (let i = 0; i < count; i++) {
    path.push(i);
    out.push(decodeValue(r, types[i], path, depth + 1));
    path.pop();
  }
  return out;
}

function decodeMap(r: MsgpackReader, elementType: CtyType, path: PathPart[], depth: number): TfValue {
  const count = r.readMapHeader();
  const out = newObject();
  for (let i = 0; i < count; i++) {
    const key = r.readString();
    if (Object.hasOwn(out, key)) throw new CodecError(`duplicate map key ${JSON.stringify(key)}`);
    path.push({ element_key_string: key });
    out[key] = decodeValue(r, elementType, path, depth + 1);
    path.pop();
  }
  return out;
}

const attributeNames = new WeakMap<object, string[]>();
function namesOf(attributes: { [name: string]: CtyType }): string[] {
  let names = attributeNames.get(attributes);
  if (!names) attributeNames.set(attributes, (names = Object.keys(attributes)));
  return names;
}

function decodeObject(r: MsgpackReader, attributes: { [name: string]: CtyType }, path: PathPart[], depth: number): TfValue {
  const names = namesOf(attributes);
  const count = r.readMapHeader();
  if (count !== names.length) {
    throw new CodecError(`object needs exactly ${names.length} attributes (${names.join(", ")}), found ${count}`);
  }
  const out = newObject();
  for (let i = 0; i < count; i++) {
    const key = r.readString();
    if (!Object.hasOwn(attributes, key)) throw new CodecError(`unsupported attribute ${JSON.stringify(key)}`);
    if (Object.hasOwn(out, key)) throw new CodecError(`duplicate attribute ${JSON.stringify(key)}`);
    path.push(key);
    out[key] = decodeValue(r, attributes[key], path, depth + 1);
    path.pop();
  }
  return out;
}

/** A known dynamic value is [type JSON as bytes, value of that type]. */
function decodeDynamic(r: MsgpackReader, path: PathPart[], depth: number): TfValue {
  if (r.readArrayHeader() !== 2) throw new CodecError("dynamic value must be a [type, value] pair");
  const typeBytes = r.readStringBytes("dynamic type JSON");
  let type: CtyType;
  try {
    type = parseCtyType(JSON.parse(utf8.decode(typeBytes)));
  } catch (e) {
    throw new CodecError(`invalid dynamic value type: ${e instanceof Error ? e.message : String(e)}`);
  }
  const value = decodeValue(r, type, path, depth + 1);
  // A value that is null or unknown still keeps the type Terraform gave it.
  return new Dynamic(type, value);
}
