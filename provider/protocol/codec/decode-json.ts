// Type-directed decoding of Terraform's JSON value encoding (RawState.json and DynamicValue.json).
// Same shapes as msgpack, except that dynamic values are {"value": …, "type": …},
// a missing object attribute means null, and there are no unknowns.

import { CodecError, toCodecError, type PathPart } from "./codec-error";
import { ctyTypeToJson, parseCtyType, type CtyType } from "../../values/cty-type";
import { JsonNumber, parseJsonLossless, type JsonNode } from "./json-reader";
import { parseNumberText } from "./number-text";
import { Dynamic, newObject, type TfValue } from "../../values/value";

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function decodeJsonValue(input: Uint8Array | string, type: CtyType): TfValue {
  const path: PathPart[] = [];
  try {
    const text = typeof input === "string" ? input : utf8.decode(input);
    return fromJson(parseJsonLossless(text), type, path);
  } catch (e) {
    throw toCodecError(e, path, "malformed JSON value");
  }
}

function fromJson(node: JsonNode, type: CtyType, path: PathPart[]): TfValue {
  if (node === null) return null;
  switch (type) {
    case "string":
      if (typeof node === "string") return node;
      if (node instanceof JsonNumber) return node.text;
      if (typeof node === "boolean") return String(node);
      throw mismatch("string", node);
    case "number":
      if (node instanceof JsonNumber) return parseNumberText(node.text);
      if (typeof node === "string") return parseNumberText(node);
      throw mismatch("number", node);
    case "bool":
      if (typeof node === "boolean") return node;
      if (node === "true" || node === "false") return node === "true";
      throw mismatch("bool", node);
    case "dynamic":
      return dynamicFromJson(node, path);
  }
  switch (type[0]) {
    case "list":
    case "set": {
      const elementType = type[1];
      return elementsFromJson(node, () => elementType, path);
    }
    case "tuple": {
      const types = type[1];
      if (Array.isArray(node) && node.length !== types.length) {
        throw new CodecError(`tuple needs ${types.length} elements, found ${node.length}`);
      }
      return elementsFromJson(node, (i) => types[i], path);
    }
    case "map": {
      if (!(node instanceof Map)) throw mismatch("map", node);
      const out = newObject();
      for (const [key, child] of node) {
        path.push({ element_key_string: key });
        out[key] = fromJson(child, type[1], path);
        path.pop();
      }
      return out;
    }
    case "object":
      return objectFromJson(node, type[1], path);
  }
  throw new CodecError(`unsupported type ${ctyTypeToJson(type)}`);
}

function elementsFromJson(node: JsonNode, typeAt: (i: number) => CtyType, path: PathPart[]): TfValue[] {
  if (!Array.isArray(node)) throw mismatch("array", node);
  const out: TfValue[] = [];
  for (let i = 0; i < node.length; i++) {
    path.push(i);
    out.push(fromJson(node[i], typeAt(i), path));
    path.pop();
  }
  return out;
}

function objectFromJson(node: JsonNode, attributes: { [name: string]: CtyType }, path: PathPart[]): TfValue {
  if (!(node instanceof Map)) throw mismatch("object", node);
  for (const key of node.keys()) {
    if (!Object.hasOwn(attributes, key)) throw new CodecError(`unsupported attribute ${JSON.stringify(key)}`);
  }
  const out = newObject();
  for (const name of Object.keys(attributes)) {
    path.push(name);
    out[name] = node.has(name) ? fromJson(node.get(name) as JsonNode, attributes[name], path) : null;
    path.pop();
  }
  return out;
}

function dynamicFromJson(node: JsonNode, path: PathPart[]): TfValue {
  if (!(node instanceof Map) || !node.has("type") || !node.has("value")) {
    throw new CodecError('dynamic value must be an object with "value" and "type"');
  }
  let type: CtyType;
  try {
    type = parseCtyType(toPlain(node.get("type") as JsonNode));
  } catch (e) {
    throw new CodecError(`invalid dynamic value type: ${e instanceof Error ? e.message : String(e)}`);
  }
  return new Dynamic(type, fromJson(node.get("value") as JsonNode, type, path));
}

/** Plain JSON for parseCtyType; type JSON never holds numbers. */
function toPlain(node: JsonNode): unknown {
  if (node instanceof JsonNumber) return Number(node.text);
  if (Array.isArray(node)) return node.map(toPlain);
  if (node instanceof Map) {
    const out: { [k: string]: unknown } = Object.create(null);
    for (const [k, v] of node) out[k] = toPlain(v);
    return out;
  }
  return node;
}

function mismatch(expected: string, node: JsonNode): CodecError {
  const found = Array.isArray(node) ? "array" : node instanceof Map ? "object" : node instanceof JsonNumber ? "number" : typeof node;
  return new CodecError(`expected ${expected}, found JSON ${found}`);
}
