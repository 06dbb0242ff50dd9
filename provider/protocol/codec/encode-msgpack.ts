// Type-directed msgpack encoding of Terraform values, matching what cty's decoder accepts.

import { CodecError, toCodecError, type PathPart } from "./codec-error";
import { ctyTypeToJson, type CtyType } from "../../values/cty-type";
import { MsgpackWriter } from "./msgpack-writer";
import { isNumberText } from "./number-text";
import { Decimal, Dynamic, isObject, isUnknown, type TfObject, type TfValue } from "../../values/value";

const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;
const typeJsonBytes = new TextEncoder();

/** Encodes a value of the given type; throws CodecError (with the path) when the value does not fit the type. */
export function encodeMsgpack(value: TfValue, type: CtyType): Uint8Array {
  const path: PathPart[] = [];
  const w = new MsgpackWriter();
  try {
    encodeValue(w, value, type, path);
  } catch (e) {
    throw toCodecError(e, path, "cannot encode value");
  }
  return w.finish();
}

function encodeValue(w: MsgpackWriter, value: TfValue, type: CtyType, path: PathPart[]): void {
  if (value === null || value === undefined) return w.nil();
  if (isUnknown(value)) return w.unknown();
  if (type === "dynamic") return encodeDynamic(w, value, path);
  if (type === "string") {
    if (typeof value !== "string") throw mismatch("string", value);
    return w.string(value);
  }
  if (type === "bool") {
    if (typeof value !== "boolean") throw mismatch("bool", value);
    return w.bool(value);
  }
  if (type === "number") return encodeNumber(w, value);
  switch (type[0]) {
    case "list":
    case "set":
      return encodeElements(w, value, () => type[1] as CtyType, path, type[0]);
    case "tuple": {
      const types = type[1];
      if (Array.isArray(value) && value.length !== types.length) {
        throw new CodecError(`tuple needs ${types.length} elements, got ${value.length}`);
      }
      return encodeElements(w, value, (i) => types[i], path, "tuple");
    }
    case "map":
      return encodeMap(w, value, type[1], path);
    case "object":
      return encodeObject(w, value, type[1], path);
  }
  throw new CodecError(`unsupported type ${ctyTypeToJson(type)}`);
}

function encodeNumber(w: MsgpackWriter, value: TfValue): void {
  if (value instanceof Decimal) {
    if (!isNumberText(value.text)) throw new CodecError(`${JSON.stringify(value.text)} is not a decimal number`);
    return w.string(value.text);
  }
  if (typeof value === "bigint") {
    if (value >= INT64_MIN && value <= UINT64_MAX) return w.integer(value);
    return w.string(value.toString());
  }
  if (typeof value !== "number") throw mismatch("number", value);
  if (Number.isNaN(value)) throw new CodecError("NaN is not a valid number");
  if (!Number.isFinite(value)) return w.float64(value);
  if (Number.isSafeInteger(value)) return w.integer(value === 0 ? 0 : value); // -0 is written as 0, as cty does
  if (Number.isInteger(value)) return encodeNumber(w, BigInt(value));
  w.float64(value);
}

function encodeElements(w: MsgpackWriter, value: TfValue, typeAt: (i: number) => CtyType, path: PathPart[], kind: string): void {
  if (!Array.isArray(value)) throw mismatch(kind, value);
  w.arrayHeader(value.length);
  for (let i = 0; i < value.length; i++) {
    path.push(i);
    encodeValue(w, value[i], typeAt(i), path);
    path.pop();
  }
}

function encodeMap(w: MsgpackWriter, value: TfValue, elementType: CtyType, path: PathPart[]): void {
  if (!isObject(value)) throw mismatch("map", value);
  const keys = Object.keys(value);
  w.mapHeader(keys.length);
  for (const key of keys) {
    w.string(key);
    path.push({ element_key_string: key });
    encodeValue(w, value[key], elementType, path);
    path.pop();
  }
}

const attributeNames = new WeakMap<object, string[]>();
function namesOf(attributes: { [name: string]: CtyType }): string[] {
  let names = attributeNames.get(attributes);
  if (!names) attributeNames.set(attributes, (names = Object.keys(attributes)));
  return names;
}

/** Objects carry exactly every attribute of their type; a missing one is written as null. */
function encodeObject(w: MsgpackWriter, value: TfValue, attributes: { [name: string]: CtyType }, path: PathPart[]): void {
  if (!isObject(value)) throw mismatch("object", value);
  const obj: TfObject = value;
  for (const key in obj) {
    if (!Object.hasOwn(attributes, key)) throw new CodecError(`attribute ${JSON.stringify(key)} is not in the object type`);
  }
  const names = namesOf(attributes);
  w.mapHeader(names.length);
  for (const name of names) {
    w.string(name);
    path.push(name);
    encodeValue(w, Object.hasOwn(obj, name) ? obj[name] : null, attributes[name], path);
    path.pop();
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether an object type anywhere in `t` names an attribute with a lone surrogate. */
function namesIllFormedAttribute(t: CtyType): boolean {
  if (!Array.isArray(t)) return false;
  if (t[0] === "object") return Object.entries(t[1]).some(([k, x]) => LONE_SURROGATE.test(k) || namesIllFormedAttribute(x));
  if (t[0] === "tuple") return t[1].some(namesIllFormedAttribute);
  return namesIllFormedAttribute(t[1]);
}

function encodeDynamic(w: MsgpackWriter, value: TfValue, path: PathPart[]): void {
  if (!(value instanceof Dynamic)) throw new CodecError("a dynamic attribute needs a Dynamic value that carries its type");
  if (value.value === null) return w.nil();
  // An unknown of a known type keeps that type ([type, unknown]), as cty writes it: Terraform compares the
  // planned value's type with the configuration's.
  if (isUnknown(value.value) && value.type === "dynamic") return w.unknown();
  // A lone surrogate in an attribute name would be escaped in the type JSON but replaced in the value's keys,
  // and the two would no longer match: refuse it rather than write a value nobody can read back.
  if (namesIllFormedAttribute(value.type)) throw new CodecError("a dynamic value's type names an attribute that is not valid Unicode text");
  w.arrayHeader(2);
  w.binary(typeJsonBytes.encode(ctyTypeToJson(value.type)));
  encodeValue(w, value.value, value.type, path);
}

function mismatch(expected: string, value: TfValue): CodecError {
  return new CodecError(`expected ${expected}, got ${describeValue(value)}`);
}

export function describeValue(value: TfValue): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (value instanceof Decimal || typeof value === "bigint") return "number";
  if (value instanceof Dynamic) return "dynamic value";
  if (isObject(value)) return "object";
  return typeof value;
}
