// What a resource or data source implements. Handlers take (request, response) and report problems as
// diagnostics on the response; the framework enforces Terraform's contract around them.
import type { TfObject } from "../values/value";
import type { Logger } from "../log";
import type { AttributePath, Diagnostics } from "./diagnostics";
import type { AttributeConstraints } from "./validation";

/** What every handler gets besides its request: the configured client, a logger and the stop signal. */
export interface HandlerContext<Client> {
  client: Client;
  log: Logger;
  /** Aborted when Terraform sends StopProvider (Ctrl-C). */
  signal: AbortSignal;
}

export interface PlanRequest {
  /** null on create. */
  prior: TfObject | null;
  config: TfObject;
  /** Terraform's proposal: config, with computed attributes that are null in config taking their prior value. */
  proposed: TfObject;
  priorPrivate: Uint8Array;
}
export interface PlanResponse {
  /** Starts as the proposal with defaults applied and, on create, unset computed attributes unknown. */
  planned: TfObject;
  requiresReplace: AttributePath[];
  plannedPrivate: Uint8Array;
  diagnostics: Diagnostics;
}

export interface CreateRequest {
  planned: TfObject;
  config: TfObject;
  plannedPrivate: Uint8Array;
}
export interface UpdateRequest {
  prior: TfObject;
  planned: TfObject;
  config: TfObject;
  plannedPrivate: Uint8Array;
}
export interface ApplyResponse {
  /** Starts as the planned state (create and update). Set to what the server has, even on failure. */
  state: TfObject | null;
  private: Uint8Array;
  diagnostics: Diagnostics;
}
export interface DeleteRequest {
  prior: TfObject;
  priorPrivate: Uint8Array;
}
export interface DeleteResponse {
  diagnostics: Diagnostics;
}
export interface ReadRequest {
  state: TfObject;
  private: Uint8Array;
}
export interface ReadResponse {
  /** Starts as the current state; set to null when the object is gone. */
  state: TfObject | null;
  private: Uint8Array;
  diagnostics: Diagnostics;
}
export interface ImportRequest {
  id: string;
}
export interface ImportResponse {
  /** The imported object; Terraform reads it right after. */
  state: TfObject | null;
  private: Uint8Array;
  diagnostics: Diagnostics;
}

export interface ValidateRequest {
  config: TfObject;
}
export interface ValidateResponse {
  diagnostics: Diagnostics;
}

export interface ResourceDefinition<Client> {
  typeName: string;
  /** Extra rules per attribute (JSON Schema keywords), compiled with the schema document's types. */
  constraints?: AttributeConstraints;
  /** Values used when the configuration leaves an optional+computed attribute null. */
  defaults?: Record<string, string | number | boolean>;
  validate?(req: ValidateRequest, resp: ValidateResponse): void;
  /**
   * Narrows the plan. `ctx` is there when the provider is configured, for rules that need LiteLLM's view (a
   * check whose values are not known yet must accept; Terraform never plans a destroy through here).
   */
  modifyPlan?(req: PlanRequest, resp: PlanResponse, ctx?: HandlerContext<Client>): void | Promise<void>;
  create(req: CreateRequest, resp: ApplyResponse, ctx: HandlerContext<Client>): Promise<void>;
  read(req: ReadRequest, resp: ReadResponse, ctx: HandlerContext<Client>): Promise<void>;
  update(req: UpdateRequest, resp: ApplyResponse, ctx: HandlerContext<Client>): Promise<void>;
  delete(req: DeleteRequest, resp: DeleteResponse, ctx: HandlerContext<Client>): Promise<void>;
  importState?(req: ImportRequest, resp: ImportResponse, ctx: HandlerContext<Client>): Promise<void>;
}

export interface DataSourceReadRequest {
  config: TfObject;
}
export interface DataSourceReadResponse {
  /** Starts as the config; fill in the computed attributes. */
  state: TfObject;
  diagnostics: Diagnostics;
}

export interface DataSourceDefinition<Client> {
  typeName: string;
  constraints?: AttributeConstraints;
  validate?(req: ValidateRequest, resp: ValidateResponse): void;
  read(req: DataSourceReadRequest, resp: DataSourceReadResponse, ctx: HandlerContext<Client>): Promise<void>;
}

export interface ConfigureRequest {
  config: TfObject;
  terraformVersion: string;
}
export interface ConfigureResponse<Client> {
  client?: Client;
  diagnostics: Diagnostics;
}

export interface ProviderDefinition<Client> {
  constraints?: AttributeConstraints;
  validate?(req: ValidateRequest, resp: ValidateResponse): void;
  configure(req: ConfigureRequest, resp: ConfigureResponse<Client>, ctx: { log: Logger; signal: AbortSignal }): Promise<void>;
  resources: ResourceDefinition<Client>[];
  dataSources: DataSourceDefinition<Client>[];
}
