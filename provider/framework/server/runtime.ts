// The state one provider process keeps between RPCs: its schemas and definitions, the configured client,
// and the stop signal. Terraform starts a fresh process per command, so nothing here outlives one.
import type { CtyType } from "../../values/cty-type";
import { decodeDynamicValue, encodeDynamicValue } from "../../protocol/codec";
import { isObject, type TfObject, type TfValue } from "../../values/value";
import type * as tf from "../../protocol/gen/tfplugin6";
import { log, type Logger } from "../../log";
import { Diagnostics } from "../diagnostics";
import type { DataSourceDefinition, HandlerContext, ProviderDefinition, ResourceDefinition } from "../resource";
import { impliedType, type ProviderSchemas, type Schema } from "../schema";
import { compileConfigValidator, type AttributeConstraints, type ConfigValidator } from "../validation";

export interface Kind<D> {
  schema: Schema;
  type: CtyType;
  definition: D;
  validator?: ConfigValidator;
}

export class ProviderRuntime<Client> {
  readonly log: Logger;
  readonly stop = new AbortController();
  readonly providerType: CtyType;
  private readonly resources = new Map<string, Kind<ResourceDefinition<Client>>>();
  private readonly dataSources = new Map<string, Kind<DataSourceDefinition<Client>>>();
  private providerValidator?: ConfigValidator;
  private client?: Client;

  constructor(
    readonly schemas: ProviderSchemas,
    readonly definition: ProviderDefinition<Client>,
    logger: Logger = log,
  ) {
    this.log = logger;
    this.providerType = impliedType(schemas.provider.block);
    for (const r of definition.resources) this.resources.set(r.typeName, this.kind(r, schemas.resources.get(r.typeName), "resource"));
    for (const d of definition.dataSources) this.dataSources.set(d.typeName, this.kind(d, schemas.dataSources.get(d.typeName), "data source"));
    for (const name of schemas.resources.keys()) if (!this.resources.has(name)) throw new Error(`resource ${name} has a schema but no definition`);
    for (const name of schemas.dataSources.keys()) if (!this.dataSources.has(name)) throw new Error(`data source ${name} has a schema but no definition`);
  }

  private kind<D extends { typeName: string }>(definition: D, schema: Schema | undefined, what: string): Kind<D> {
    if (!schema) throw new Error(`${what} ${definition.typeName} is not in the schema document`);
    return { schema, type: impliedType(schema.block), definition };
  }

  resource(typeName: string, diagnostics: Diagnostics): Kind<ResourceDefinition<Client>> | undefined {
    const k = this.resources.get(typeName);
    if (!k) diagnostics.addError("Unknown Resource Type", `This provider has no resource type ${JSON.stringify(typeName)}.`);
    return k;
  }

  dataSource(typeName: string, diagnostics: Diagnostics): Kind<DataSourceDefinition<Client>> | undefined {
    const k = this.dataSources.get(typeName);
    if (!k) diagnostics.addError("Unknown Data Source Type", `This provider has no data source type ${JSON.stringify(typeName)}.`);
    return k;
  }

  validatorFor(kind: Kind<{ constraints?: AttributeConstraints }>): ConfigValidator {
    return (kind.validator ??= compileConfigValidator(kind.schema.block, kind.definition.constraints));
  }

  providerValidatorFn(): ConfigValidator {
    return (this.providerValidator ??= compileConfigValidator(this.schemas.provider.block, this.definition.constraints));
  }

  setClient(client: Client): void {
    this.client = client;
  }

  /** The context for a handler when ConfigureProvider has succeeded, else undefined (no diagnostic). */
  configuredContext(fields: Record<string, unknown>): HandlerContext<Client> | undefined {
    return this.client === undefined ? undefined : { client: this.client, log: this.log.with(fields), signal: this.stop.signal };
  }

  /** The context for a handler, or an error diagnostic when ConfigureProvider has not succeeded. */
  context(diagnostics: Diagnostics, fields: Record<string, unknown>): HandlerContext<Client> | undefined {
    if (this.client === undefined) {
      diagnostics.addError(
        "Provider Not Configured",
        "The litellm provider was not configured before this call. This is a bug in the provider or an earlier configuration error; check the provider block.",
      );
      return undefined;
    }
    return { client: this.client, log: this.log.with(fields), signal: this.stop.signal };
  }
}

/** Decodes a DynamicValue that must be an object (or null). */
export function decodeObject(dv: tf.DynamicValueInit | undefined, type: CtyType): TfObject | null {
  const v: TfValue = decodeDynamicValue(dv, type);
  if (v === null) return null;
  if (!isObject(v)) throw new Error("expected an object value");
  return v;
}

export function encodeObject(v: TfObject | null, type: CtyType): tf.DynamicValue {
  return encodeDynamicValue(v, type);
}

export const emptyBytes = new Uint8Array(0);

/** Runs a handler body and turns anything it throws into an error diagnostic: a bug must never kill the process. */
export async function guarded(log: Logger, rpc: string, diagnostics: Diagnostics, body: () => Promise<void> | void): Promise<void> {
  try {
    await body();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    log.error("unexpected error in RPC handler", { rpc, error: message, stack: e instanceof Error ? e.stack : undefined });
    diagnostics.addError(
      "Unexpected Provider Error",
      `${rpc} failed: ${message}\n\nThis is a bug in the litellm provider; please report it with the output of TF_LOG_PROVIDER=DEBUG.`,
    );
  }
}
