import type * as tf from "../../protocol/gen/tfplugin6";
import { Diagnostics } from "../diagnostics";
import type { PlanResponse } from "../resource";
import { decodeObject, emptyBytes, encodeObject, guarded, type ProviderRuntime } from "./runtime";
import { diagnosticsToProto, pathToProto, type Answer } from "./to-proto";
import { initialPlan, withoutWriteOnly } from "./state-rules";

type PlanAnswer = Answer<tf.PlanResourceChangeResponseInit, { requires_replace: tf.AttributePath[] }>;

export async function planResourceChange<C>(rt: ProviderRuntime<C>, req: tf.PlanResourceChangeRequest): Promise<PlanAnswer> {
  const diagnostics = new Diagnostics();
  const priorPrivate = req.prior_private ?? emptyBytes;
  const response: PlanAnswer = { planned_state: req.proposed_new_state, requires_replace: [], planned_private: priorPrivate, diagnostics: [] };
  await guarded(rt.log, "PlanResourceChange", diagnostics, async () => {
    const kind = rt.resource(req.type_name, diagnostics);
    if (!kind) return;
    const proposed = decodeObject(req.proposed_new_state, kind.type);
    if (proposed === null) {
      // Destroy: the plan is null.
      response.planned_state = encodeObject(null, kind.type);
      return;
    }
    const prior = decodeObject(req.prior_state, kind.type);
    const config = decodeObject(req.config, kind.type);
    if (!config) throw new Error("PlanResourceChange without a configuration");
    const resp: PlanResponse = {
      planned: initialPlan(kind.schema.block, proposed, config, prior, kind.definition.defaults),
      requiresReplace: [],
      plannedPrivate: priorPrivate,
      diagnostics,
    };
    const ctx = rt.configuredContext({ rpc: "PlanResourceChange", resource: req.type_name });
    await kind.definition.modifyPlan?.({ prior, config, proposed, priorPrivate }, resp, ctx);
    response.planned_state = encodeObject(withoutWriteOnly(kind.schema.block, resp.planned), kind.type);
    response.requires_replace = resp.requiresReplace.map(pathToProto);
    response.planned_private = resp.plannedPrivate;
  });
  response.diagnostics = diagnosticsToProto(diagnostics.items);
  return response;
}
