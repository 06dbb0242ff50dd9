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
  /** Not returned by the API: state keeps the planned/prior value. */
  writeOnly?: boolean;
  /** The plan's value when the configuration leaves it null (the attribute must be computed in the schema). */
  default?: string | number | boolean;
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

export interface ResourceApi<Client> {
  /**
   * Creates the object; returns its id. `diagnostics` takes warnings, and errors about steps after the object
   * exists (it stays in state). Throw a Refusal to say in your own words why nothing was created.
   */
  create(ctx: HandlerContext<Client>, body: Body, planned: TfObject, diagnostics: Diagnostics): Promise<string>;
  /** The object, or null when the API no longer has it. */
  read(ctx: HandlerContext<Client>, id: string): Promise<Remote | null>;
  update(ctx: HandlerContext<Client>, id: string, body: Body, planned: TfObject): Promise<void>;
  /** false when it was already gone. */
  delete(ctx: HandlerContext<Client>, id: string): Promise<boolean>;
}

export interface ResourceDeclaration<Client> {
  typeName: string;
  /** For messages: "budget", "organization member". */
  noun: string;
  /** The id attribute(s) set from the id after create and import (always "id", plus e.g. "budget_id"). */
  idAttributes?: string[];
  attributes: Record<string, AttributeDeclaration>;
  constraints?: AttributeConstraints;
  /** Cross-attribute checks run at validate time (exactlyOneOf...). */
  checks?: ConfigCheck[];
  api: ResourceApi<Client>;
  /** Turns any thrown API error into a message and whether it may have acted. */
  describeError(e: unknown): ApiErrorInfo;
  /** The id `terraform import` is given, normalised; a string with `error` refuses it. */
  importId?(id: string): { id: string } | { error: string };
  /** What `terraform import` expects, for messages: "the budget_id". */
  importHint?: string;
  /** Why `terraform import` finds nothing at this id (else Terraform's "non-existent remote object"). */
  whyMissing?(ctx: HandlerContext<Client>, id: string): Promise<Refusal | undefined>;
}
