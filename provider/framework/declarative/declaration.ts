// What a declarative resource says about itself. See index.ts for how the framework uses it.
import type { TfObject } from "../../values/value";
import type { Diagnostics } from "../diagnostics";
import type { HandlerContext, PlanRequest, PlanResponse } from "../resource";
import type { AttributeConstraints } from "../validation";
import type { ConfigCheck } from "../validators";
import type { Codec } from "./codec";
import type { Refusal } from "./refusal";

/** What the API holds for one object, keyed by API field name (dotted paths reach into nested objects). */
export type Remote = Record<string, unknown>;
/** The fields one create or update call sends. */
export type Body = Record<string, unknown>;

/**
 * When an attribute that had a value is removed from the configuration:
 *  - "clear": send the codec's clearing value (the default);
 *  - "replace": the API cannot clear it, so the plan replaces the object (said as "forces replacement");
 *  - "keep": the API cannot clear it and replacing would lose data; the plan keeps the value and says so in a
 *    warning on the attribute (the attribute must be computed in the schema).
 */
export type WhenRemoved = "clear" | "replace" | "keep";

export interface AttributeDeclaration {
  /** The API field read back (dotted for nested: "litellm_budget_table.max_budget"). Default: the attribute name. */
  field?: string;
  /** The body key create and update send. Default: the last part of `field`; false: never sent. */
  send?: string | false;
  codec: Codec;
  /** Read only: computed from the API, never sent (spend, created_at). */
  computed?: boolean;
  /** Computed values that can move whenever anything changes (spend, updated_at): unknown in a plan that changes the object. */
  volatile?: boolean;
  /**
   * LiteLLM may fill it (server-side defaults): when the configuration leaves it null the plan keeps what state
   * has (unknown on create) and read-back takes what the server has; no diff, no replace loop.
   * A function decides from the configuration (a budget field is the server's when a budget_id is given).
   */
  serverDefault?: boolean | ((config: TfObject) => boolean);
  /** A change replaces the object. */
  forceNew?: boolean;
  whenRemoved?: WhenRemoved;
  /** Sent on every update, changed or not (APIs that reset what an update leaves out). */
  alwaysSend?: boolean;
  /** Not returned by the API: state keeps the planned/prior value (its `default` when it has none, as after import). */
  writeOnly?: boolean;
  /** The plan's value when the configuration leaves it null (the attribute must be computed in the schema). */
  default?: string | number | boolean;
  /**
   * Sent as a key inside the object another attribute sends under this body key (settings an API keeps inside
   * metadata): a change sends that object whole, with this key set, or removed when null or empty. The key must
   * be one the object's codec keeps from the API's current object (serverOwned), so unchanged ones survive.
   */
  within?: string;
  /** Attributes naming one group are sent together: a change of one sends all (fields the API keeps in one row). */
  together?: string;
  /** Said after "LiteLLM Did Not Apply A Change" for this attribute: why, and what to do (an older LiteLLM cannot clear it). */
  whenNotApplied?: string;
  /** A rule of the API's about this attribute's plan, run after the derived plan (a value state holds that no configuration means). */
  planRule?: AttributePlanRule;
}

/** Narrows the plan of attribute `name` of `noun` (create and update). */
export type AttributePlanRule = (name: string, req: PlanRequest, resp: PlanResponse, noun: string) => void;

export interface ApiErrorInfo {
  message: string;
  /** The call may have changed something although it failed. */
  mayHaveActed: boolean;
}

/** What a resource keeps in Terraform's private state (the token of a key it owns, the memberships it made). */
export interface PrivateState<P> {
  /** From the bytes Terraform holds: empty for a new object, an import, or a state another provider wrote. */
  read(bytes: Uint8Array, state: TfObject): P;
  write(own: P): Uint8Array;
}

/** One write as `afterWrite` sees it: `prior` is null on create; `state` is the state being built. */
export interface Write<P> {
  prior: TfObject | null;
  planned: TfObject;
  state: TfObject;
  own: P;
  diagnostics: Diagnostics;
}

export interface ResourceApi<Client, P = undefined> {
  /**
   * The id chosen before create (which makes a retried create safe), given to create as planned's id attributes.
   * A create that fails but may have acted then leaves the object in state, so Terraform taints it.
   */
  newId?(planned: TfObject): string;
  /**
   * Creates the object; returns its id. `diagnostics` takes warnings, and errors about steps after the object
   * exists (it stays in state). Throw a Refusal to say in your own words why nothing was created.
   */
  create(ctx: HandlerContext<Client>, body: Body, planned: TfObject, diagnostics: Diagnostics, own: P): Promise<string>;
  /** The object, or null when the API no longer has it. */
  read(ctx: HandlerContext<Client>, id: string): Promise<Remote | null>;
  update(ctx: HandlerContext<Client>, id: string, body: Body, planned: TfObject, prior?: TfObject): Promise<void>;
  /** false when it was already gone. */
  delete(ctx: HandlerContext<Client>, id: string): Promise<boolean>;
  /**
   * Brings what the object owns beyond its fields (a user's key, its team memberships) in line with the plan,
   * after create and after an update that succeeded, before the read-back. Errors go to `diagnostics`; `state`
   * and `own` say what holds.
   */
  afterWrite?(ctx: HandlerContext<Client>, id: string, write: Write<P>): Promise<void>;
}

/** The object `terraform import` names, or why not: `error` for a malformed id (a Refusal thrown says more). */
export type ImportId = { id: string } | { error: string };

export interface ResourceDeclaration<Client, P = undefined> {
  typeName: string;
  /** For messages: "budget", "organization member". */
  noun: string;
  /** The id attribute(s) set from the id after create and import (always "id", plus e.g. "budget_id"). */
  idAttributes?: string[];
  attributes: Record<string, AttributeDeclaration>;
  constraints?: AttributeConstraints;
  /** Cross-attribute checks run at validate time (exactlyOneOf...). */
  checks?: ConfigCheck[];
  api: ResourceApi<Client, P>;
  /** Private state, read before and written after every handler; `own` in the api functions and `afterRead`. */
  privateState?: PrivateState<P>;
  /**
   * State beyond the API object's fields, after every read, read-back and import (is the key it owns still
   * there?); `base` is the state or plan whose spelling the read kept (null on import).
   */
  afterRead?(state: TfObject, remote: Remote, own: P, base: TfObject | null): void;
  /** Turns any thrown API error into a message and whether it may have acted. */
  describeError(e: unknown): ApiErrorInfo;
  /** The id `terraform import` is given, normalised or looked up (an email for a user); `error` refuses it. */
  importId?(id: string, ctx: HandlerContext<Client>): ImportId | Promise<ImportId>;
  /** What `terraform import` expects, for messages: "the budget_id". */
  importHint?: string;
  /** Why `terraform import` finds nothing at this id (else Terraform's "non-existent remote object"). */
  whyMissing?(ctx: HandlerContext<Client>, id: string): Promise<Refusal | undefined>;
}
