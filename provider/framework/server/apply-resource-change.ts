import type * as tf from "../../protocol/gen/tfplugin6";
import { Diagnostics } from "../diagnostics";
import type { ApplyResponse, DeleteResponse } from "../resource";
import { decodeObject, emptyBytes, encodeObject, guarded, type ProviderRuntime } from "./runtime";
import { diagnosticsToProto, type Answer } from "./to-proto";
import { replaceUnknownWithNull } from "./state-rules";
import type { TfObject } from "../../values/value";

export async function applyResourceChange<C>(rt: ProviderRuntime<C>, req: tf.ApplyResourceChangeRequest): Promise<Answer<tf.ApplyResourceChangeResponseInit>> {
  const diagnostics = new Diagnostics();
  const plannedPrivate = req.planned_private ?? emptyBytes;
  const response: Answer<tf.ApplyResourceChangeResponseInit> = { new_state: req.prior_state, private: plannedPrivate, diagnostics: [] };
  await guarded(rt.log, "ApplyResourceChange", diagnostics, async () => {
    const kind = rt.resource(req.type_name, diagnostics);
    if (!kind) return;
    const prior = decodeObject(req.prior_state, kind.type);
    const planned = decodeObject(req.planned_state, kind.type);
    const ctx = rt.context(diagnostics, { rpc: "ApplyResourceChange", resource: req.type_name });
    if (!ctx) return;

    if (planned === null) {
      if (prior === null) return;
      const resp: DeleteResponse = { diagnostics };
      await kind.definition.delete({ prior, priorPrivate: plannedPrivate }, resp, ctx);
      // A failed delete keeps the object in state.
      response.new_state = encodeObject(diagnostics.hasError() ? prior : null, kind.type);
      if (!diagnostics.hasError()) response.private = emptyBytes;
      return;
    }

    const config = decodeObject(req.config, kind.type);
    if (!config) throw new Error("ApplyResourceChange without a configuration");
    const resp: ApplyResponse = { state: planned, private: plannedPrivate, diagnostics };
    if (prior === null) await kind.definition.create({ planned, config, plannedPrivate }, resp, ctx);
    else await kind.definition.update({ prior, planned, config, plannedPrivate }, resp, ctx);

    let state: TfObject | null = resp.state;
    if (state === null && prior === null && !diagnostics.hasError()) {
      diagnostics.addError("Missing Resource State After Create", `The ${req.type_name} create returned no state and no error. This is a bug in the provider.`);
    }
    if (state === null && prior !== null) state = prior;
    response.new_state = encodeObject(state && replaceUnknownWithNull(state), kind.type);
    response.private = resp.private;
  });
  response.diagnostics = diagnosticsToProto(diagnostics.items);
  return response;
}
