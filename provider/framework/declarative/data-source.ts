// A DataSourceDefinition derived from a declaration: look the object up by one of its keys and fill every
// attribute from what the API holds.
import { isUnknown } from "../../values/value";
import { attributePath } from "../diagnostics";
import type { DataSourceDefinition, HandlerContext } from "../resource";
import type { AttributeConstraints } from "../validation";
import { exactlyOneOf, type ConfigCheck } from "../validators";
import type { ApiErrorInfo, AttributeDeclaration, Remote } from "./declaration";
import { stateFromRemote } from "./mapping";

export interface Lookup<Client> {
  /** The attribute the configuration sets to choose the object. */
  attribute: string;
  /** The objects matching the value: none, one, or several (then the configuration must use another key). */
  find(ctx: HandlerContext<Client>, value: string): Promise<Remote[]>;
  /** The message when nothing matches (default: "LiteLLM has no <noun> with <attribute> ..."). */
  notFound?(value: string): string;
  /**
   * When several match: the summary (default "<Noun> Is Not Unique"), or the summary and detail naming their ids.
   */
  notUnique?: string | ((value: string, ids: string[]) => { summary: string; detail: string });
}

export interface DataSourceDeclaration<Client> {
  typeName: string;
  noun: string;
  /** Read like a resource's attributes; all computed here except the lookup keys. */
  attributes: Record<string, AttributeDeclaration>;
  lookups: Lookup<Client>[];
  /** The `id` attribute's value for the object found. */
  idOf(remote: Remote): string;
  constraints?: AttributeConstraints;
  checks?: ConfigCheck[];
  describeError(e: unknown): ApiErrorInfo;
}

const title = (s: string) => s.replace(/(^|\s)\S/g, (c) => c.toUpperCase());

export function declareDataSource<C>(decl: DataSourceDeclaration<C>): DataSourceDefinition<C> {
  const keys = decl.lookups.map((l) => l.attribute);
  const checks = [...(keys.length > 1 ? [exactlyOneOf(keys, `choose the ${decl.noun} to read`)] : []), ...(decl.checks ?? [])];
  const Noun = title(decl.noun);
  return {
    typeName: decl.typeName,
    constraints: decl.constraints,
    validate({ config }, { diagnostics }) {
      for (const check of checks) check(config, diagnostics);
    },
    async read({ config }, resp, ctx) {
      const lookup = decl.lookups.find((l) => typeof config[l.attribute] === "string" && !isUnknown(config[l.attribute]));
      if (!lookup) {
        resp.diagnostics.addError(`No ${Noun} Chosen`, `Set ${keys.join(" or ")} to choose the ${decl.noun} to read.`, attributePath(keys[0]!));
        return;
      }
      const value = config[lookup.attribute] as string;
      let found: Remote[];
      try {
        found = await lookup.find(ctx, value);
      } catch (e) {
        resp.diagnostics.addError(`Cannot Read ${Noun}`, `Error while reading the ${decl.noun}: ${decl.describeError(e).message}`);
        return;
      }
      const ids = found.map(decl.idOf);
      const several = found.length > 1 && typeof lookup.notUnique === "function" ? lookup.notUnique(value, ids) : undefined;
      if (several) {
        resp.diagnostics.addError(several.summary, several.detail, attributePath(lookup.attribute));
        return;
      }
      if (found.length !== 1) {
        resp.diagnostics.addError(
          found.length ? (typeof lookup.notUnique === "string" ? lookup.notUnique : `${Noun} Is Not Unique`) : `${Noun} Not Found`,
          found.length
            ? `Several LiteLLM ${decl.noun}s have ${lookup.attribute} ${JSON.stringify(value)}: ${ids.join(", ")}. Use ${keys.find((k) => k !== lookup.attribute) ?? "another key"}.`
            : (lookup.notFound?.(value) ?? `LiteLLM has no ${decl.noun} with ${lookup.attribute} ${JSON.stringify(value)}.`),
          attributePath(lookup.attribute),
        );
        return;
      }
      stateFromRemote(decl, resp.state, found[0]!, null);
      resp.state[lookup.attribute] = value;
      resp.state.id = decl.idOf(found[0]!);
    },
  };
}
