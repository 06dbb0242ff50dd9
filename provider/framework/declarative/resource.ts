// A ResourceDefinition derived from a declaration: create with read-back checks, read with drift, update of
// what changed, delete, import by id.
import { isUnknown, newObject, type TfObject } from "../../values/value";
import { attributePath, type Diagnostics } from "../diagnostics";
import type { ApplyResponse, HandlerContext, PlanRequest, PlanResponse, ResourceDefinition, ValidateRequest, ValidateResponse } from "../resource";
import type { Remote, ResourceDeclaration } from "./declaration";
import { changedArguments, createBody, mismatches, show, stateFromRemote, updateBody } from "./mapping";
import { derivedPlan } from "./plan";
import { clearServerFills } from "./server-fill";
import { reportRefusal } from "./refusal";

export interface ResourceExtras<C = unknown> {
  /** Quirks on top of the derived plan; `ctx` is there when the provider is configured (checks against the API). */
  modifyPlan?(req: PlanRequest, resp: PlanResponse, ctx?: HandlerContext<C>): void | Promise<void>;
  validate?(req: ValidateRequest, resp: ValidateResponse): void;
}

const title = (s: string) => s.replace(/(^|\s)\S/g, (c) => c.toUpperCase());
/** A message that another sentence follows ends with a full stop. */
const asSentence = (m: string) => (/[.!?]$/.test(m) ? m : `${m}.`);

export function declareResource<C, P = undefined>(decl: ResourceDeclaration<C, P>, extras: ResourceExtras<C> = {}): ResourceDefinition<C> {
  const Noun = title(decl.noun);
  const ids = decl.idAttributes ?? ["id"];
  const defaults: Record<string, string | number | boolean> = {};
  for (const [name, a] of Object.entries(decl.attributes)) if (a.default !== undefined) defaults[name] = a.default;

  const apiError = (diagnostics: Diagnostics, summary: string, doing: string, e: unknown) => {
    if (!reportRefusal(e, diagnostics)) diagnostics.addError(summary, `Error while ${doing}: ${decl.describeError(e).message}`);
  };

  const setIds = (state: TfObject, id: string) => {
    for (const a of ids) state[a] = id;
  };
  // Without a private state of its own, `own` is undefined and Terraform's bytes pass through untouched.
  const ownOf = (bytes: Uint8Array, state: TfObject) => decl.privateState?.read(bytes, state) as P;
  const keepOwn = (resp: { private: Uint8Array }, own: P) => {
    if (decl.privateState) resp.private = decl.privateState.write(own);
  };
  /** State from the API object, keeping `base`'s spelling where it means the same, and the resource's own reading. */
  const fromRemote = (state: TfObject, remote: Remote, base: TfObject | null, own: P) => {
    stateFromRemote(decl, state, remote, base);
    decl.afterRead?.(state, remote, own, base);
  };

  /** Reads the object back into `state`; unless `verb` is "kept", an error for each change LiteLLM did not keep. */
  async function readBack(ctx: HandlerContext<C>, id: string, state: TfObject, base: TfObject, resp: ApplyResponse, verb: string, own: P): Promise<void> {
    let remote;
    try {
      remote = await decl.api.read(ctx, id);
    } catch (e) {
      resp.diagnostics.addWarning(
        `${Noun} Not Read Back`,
        `The ${decl.noun} ${id} was ${verb}, but reading it back failed: ${decl.describeError(e).message}. State holds the planned values; the next plan reads it again.`,
      );
      for (const [k, v] of Object.entries(state)) if (isUnknown(v)) state[k] = null;
      return;
    }
    if (remote === null) {
      resp.diagnostics.addError(`${Noun} Vanished`, `The ${decl.noun} ${id} was ${verb}, but LiteLLM no longer finds it. Run terraform apply again to recreate it.`);
      return;
    }
    fromRemote(state, remote, base, own);
    if (verb === "kept") return;
    for (const m of mismatches(decl.attributes, base, state)) {
      const why = decl.attributes[m.attribute]!.whenNotApplied;
      resp.diagnostics.addError(
        "LiteLLM Did Not Apply A Change",
        `The plan set ${m.attribute} = ${show(m.planned)}, but LiteLLM has ${show(m.actual)}. ${why ? `${why} ` : ""}State now holds LiteLLM's value.`,
        attributePath(m.attribute),
      );
    }
  }

  return {
    typeName: decl.typeName,
    constraints: decl.constraints,
    defaults,
    validate(req, resp) {
      for (const check of decl.checks ?? []) check(req.config, resp.diagnostics);
      extras.validate?.(req, resp);
    },
    async modifyPlan(req, resp, ctx) {
      derivedPlan(decl, req, resp);
      await extras.modifyPlan?.(req, resp, ctx);
    },

    async create({ planned, config, plannedPrivate }, resp, ctx) {
      const body = createBody(decl.attributes, planned);
      const chosen = decl.api.newId?.(planned);
      const state: TfObject = newObject(Object.entries(planned));
      if (chosen !== undefined) setIds(state, chosen);
      const own = ownOf(plannedPrivate, state);
      let id: string;
      try {
        id = await decl.api.create(ctx, body, state, resp.diagnostics, own);
      } catch (e) {
        resp.state = null;
        if (reportRefusal(e, resp.diagnostics)) return;
        const info = decl.describeError(e);
        // With an id of our own, an object the create may have made stays in state: Terraform taints it.
        const kept = info.mayHaveActed && chosen !== undefined;
        resp.diagnostics.addError(
          `Cannot Create ${Noun}`,
          `Error while creating the ${decl.noun}: ${info.mayHaveActed ? asSentence(info.message) : info.message}${
            kept ? ` LiteLLM may have created the ${decl.noun} all the same, so it is kept in state as tainted (as ${chosen}): the next apply replaces it, or creates it if LiteLLM does not have it.`
            : info.mayHaveActed ? ` LiteLLM may have created it anyway; look for it and import it before applying again.` : ""
          }`,
        );
        if (kept) for (const [k, v] of Object.entries(state)) if (isUnknown(v)) state[k] = null;
        resp.state = kept ? state : null;
        keepOwn(resp, own);
        return;
      }
      setIds(state, id);
      resp.state = state;
      await clearServerFills(decl, ctx, id, planned, config, resp.diagnostics);
      await decl.api.afterWrite?.(ctx, id, { prior: null, planned, state, own, diagnostics: resp.diagnostics });
      // What create put in the state (a secret only its answer holds) is part of what read-back keeps.
      await readBack(ctx, id, state, newObject(Object.entries(state)), resp, "created", own);
      keepOwn(resp, own);
    },

    async read({ state, private: bytes }, resp, ctx) {
      const id = state.id;
      if (typeof id !== "string" || id === "") {
        resp.state = null;
        return;
      }
      let remote;
      try {
        remote = await decl.api.read(ctx, id);
      } catch (e) {
        apiError(resp.diagnostics, `Cannot Read ${Noun}`, `reading ${decl.noun} ${id}`, e);
        return;
      }
      if (remote === null) {
        ctx.log.info(`${decl.noun} no longer exists on LiteLLM; removing it from state`, { id });
        resp.state = null;
        return;
      }
      const own = ownOf(bytes, state);
      const next = newObject(Object.entries(state));
      fromRemote(next, remote, state, own);
      setIds(next, id);
      resp.state = next;
      keepOwn(resp, own);
    },

    async update({ prior, planned, plannedPrivate }, resp, ctx) {
      const id = prior.id as string;
      const own = ownOf(plannedPrivate, prior);
      const changed = changedArguments(decl.attributes, prior, planned);
      if (changed.length > 0) {
        try {
          const needsCurrent = changed.some((n) => decl.attributes[n]!.codec.needsCurrent);
          const current = needsCurrent ? await decl.api.read(ctx, id) : null;
          await decl.api.update(ctx, id, updateBody(decl.attributes, changed, planned, current), planned, prior);
        } catch (e) {
          apiError(resp.diagnostics, `Cannot Update ${Noun}`, `updating ${decl.noun} ${id}`, e);
          resp.state = newObject(Object.entries(prior));
          await readBack(ctx, id, resp.state, prior, resp, "kept", own);
          keepOwn(resp, own);
          return;
        }
      }
      const state = newObject(Object.entries(planned));
      setIds(state, id);
      resp.state = state;
      await decl.api.afterWrite?.(ctx, id, { prior, planned, state, own, diagnostics: resp.diagnostics });
      await readBack(ctx, id, state, planned, resp, "updated", own);
      keepOwn(resp, own);
    },

    async delete({ prior }, resp, ctx) {
      const id = prior.id;
      if (typeof id !== "string" || id === "") return;
      try {
        if (!(await decl.api.delete(ctx, id))) ctx.log.info(`${decl.noun} was already gone`, { id });
      } catch (e) {
        apiError(resp.diagnostics, `Cannot Delete ${Noun}`, `deleting ${decl.noun} ${id}`, e);
      }
    },

    async importState({ id: raw }, resp, ctx) {
      try {
        const parsed = decl.importId ? await decl.importId(raw, ctx) : { id: raw.trim() };
        if ("error" in parsed) {
          resp.diagnostics.addError("Invalid Import ID", parsed.error);
          return;
        }
        const remote = await decl.api.read(ctx, parsed.id);
        if (remote === null) {
          const why = await decl.whyMissing?.(ctx, parsed.id);
          if (why) reportRefusal(why, resp.diagnostics);
          return;
        }
        const state = newObject();
        const own = ownOf(new Uint8Array(), state);
        fromRemote(state, remote, null, own);
        setIds(state, parsed.id);
        resp.state = state;
        keepOwn(resp, own);
      } catch (e) {
        apiError(resp.diagnostics, `Cannot Import ${Noun}`, `importing ${JSON.stringify(raw)}${decl.importHint ? ` (${decl.importHint})` : ""}`, e);
      }
    },
  };
}
