// cty types in their JSON form, as Terraform writes them in schemas and as msgpack values are typed.
export type CtyType =
  | "string"
  | "number"
  | "bool"
  | "dynamic"
  | ["list", CtyType]
  | ["set", CtyType]
  | ["map", CtyType]
  | ["object", { [attribute: string]: CtyType }]
  | ["tuple", CtyType[]];

export function isPrimitiveType(t: CtyType): t is "string" | "number" | "bool" {
  return t === "string" || t === "number" || t === "bool";
}

export function ctyTypeToJson(t: CtyType): string {
  return JSON.stringify(t);
}

/** Parses a cty type from its JSON form, rejecting anything that is not a well-formed type. */
export function parseCtyType(json: unknown): CtyType {
  if (json === "string" || json === "number" || json === "bool" || json === "dynamic") return json;
  if (Array.isArray(json) && json.length === 2 && typeof json[0] === "string") {
    const [kind, arg] = json;
    switch (kind) {
      case "list":
      case "set":
      case "map":
        return [kind, parseCtyType(arg)];
      case "object": {
        if (arg === null || typeof arg !== "object" || Array.isArray(arg)) break;
        const attrs: { [k: string]: CtyType } = Object.create(null);
        for (const [k, v] of Object.entries(arg)) attrs[k] = parseCtyType(v);
        return ["object", attrs];
      }
      case "tuple":
        if (!Array.isArray(arg)) break;
        return ["tuple", arg.map(parseCtyType)];
    }
  }
  throw new TypeError(`not a cty type: ${JSON.stringify(json)}`);
}
