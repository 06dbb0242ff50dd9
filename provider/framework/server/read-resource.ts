import type * as tf from "../../protocol/gen/tfplugin6";
import { Diagnostics } from "../diagnostics";
import type { ReadResponse } from "../resource";
import { decodeObject, emptyBytes, encodeObject, guarded, type ProviderRuntime } from "./runtime";
import { diagnosticsToProto, type Answer } from "./to-proto";
import { replaceUnknownWithNull } from "./state-rules";

export async function readResource<C>(rt: ProviderRuntime<C>, req: tf.ReadResourceRequest): Promise<Answer<tf.ReadResourceResponseInit>> {
  const diagnostics = new Diagnostics();
  const response: Answer<tf.ReadResourceResponseInit> = { new_state: req.current_state, private: req.private ?? emptyBytes, diagnostics: [] };
  await guarded(rt.log, "ReadResource", diagnostics, async () => {
    const kind = rt.resource(req.type_name, diagnostics);
    if (!kind) return;
    const state = decodeObject(req.current_state, kind.type);
    if (!state) return;
    const ctx = rt.context(diagnostics, { rpc: "ReadResource", resource: req.type_name });
    if (!ctx) return;
    const resp: ReadResponse = { state, private: req.private ?? emptyBytes, diagnostics };
    await kind.definition.read({ state, private: resp.private }, resp, ctx);
    response.new_state = encodeObject(resp.state && replaceUnknownWithNull(resp.state), kind.type);
    response.private = resp.private;
  });
  response.diagnostics = diagnosticsToProto(diagnostics.items);
  return response;
}
