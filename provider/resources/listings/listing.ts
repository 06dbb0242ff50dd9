// Listing data sources (litellm_users, litellm_teams, litellm_keys, litellm_models): the configured filters go
// to LiteLLM as query parameters, every page is read, and each row becomes one object of the list attribute.
import { isUnknown, newObject, type TfObject, type TfValue } from "../../values/value";
import type { DataSourceDefinition, HandlerContext } from "../../framework/resource";
import type { LiteLLMClient } from "../../litellm/client";
import type { ApiObject } from "../../litellm/management";
import { describeLiteLLMError } from "../api-errors";

export type FieldKind = "string" | "number" | "bool" | "strings";

export interface ListingDeclaration {
  typeName: string;
  noun: string;
  /** The list attribute. */
  listAttribute: string;
  /** Filter attribute → query parameter. */
  filters: Record<string, string>;
  list(ctx: HandlerContext<LiteLLMClient>, query: Record<string, string>): Promise<ApiObject[]>;
  /** Object attribute → how to read it from a row (a dotted path into the row) and its kind. */
  item: Record<string, { from?: string; kind: FieldKind }>;
}

function at(row: ApiObject, path: string): unknown {
  let v: unknown = row;
  for (const p of path.split(".")) v = v !== null && typeof v === "object" ? (v as ApiObject)[p] : undefined;
  return v;
}

function convert(v: unknown, kind: FieldKind): TfValue {
  if (kind === "string") return typeof v === "string" ? v : null;
  if (kind === "number") return typeof v === "number" && Number.isFinite(v) ? v : null;
  if (kind === "bool") return typeof v === "boolean" ? v : null;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

export function listingDataSource(decl: ListingDeclaration): DataSourceDefinition<LiteLLMClient> {
  return {
    typeName: decl.typeName,
    async read({ config }, resp, ctx) {
      const query: Record<string, string> = {};
      for (const [attr, param] of Object.entries(decl.filters)) {
        const v = config[attr];
        if (typeof v === "string" && !isUnknown(v) && v !== "") query[param] = v;
      }
      let rows: ApiObject[];
      try {
        rows = await decl.list(ctx, query);
      } catch (e) {
        resp.diagnostics.addError(`Cannot List ${decl.noun}`, `Error while listing ${decl.noun.toLowerCase()}: ${describeLiteLLMError(e).message}`);
        return;
      }
      resp.state[decl.listAttribute] = rows.map((row): TfObject => {
        const o = newObject();
        for (const [name, f] of Object.entries(decl.item)) o[name] = convert(at(row, f.from ?? name), f.kind);
        return o;
      });
      resp.state.id = `${decl.typeName}:${Object.entries(query).map(([k, v]) => `${k}=${v}`).join("&")}`;
    },
  };
}
