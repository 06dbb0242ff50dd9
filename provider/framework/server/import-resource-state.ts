import type * as tf from "../../protocol/gen/tfplugin6";
import { Diagnostics } from "../diagnostics";
import type { ImportResponse } from "../resource";
import { emptyBytes, encodeObject, guarded, type ProviderRuntime } from "./runtime";
import { diagnosticsToProto, type Answer } from "./to-proto";
import { completeObject, replaceUnknownWithNull } from "./state-rules";

export async function importResourceState<C>(rt: ProviderRuntime<C>, req: tf.ImportResourceStateRequest): Promise<Answer<tf.ImportResourceStateResponseInit>> {
  const diagnostics = new Diagnostics();
  const response: Answer<tf.ImportResourceStateResponseInit> = { imported_resources: [], diagnostics: [] };
  await guarded(rt.log, "ImportResourceState", diagnostics, async () => {
    const kind = rt.resource(req.type_name, diagnostics);
    if (!kind) return;
    if (!kind.definition.importState) {
      diagnostics.addError("Resource Import Not Implemented", `${req.type_name} cannot be imported.`);
      return;
    }
    const ctx = rt.context(diagnostics, { rpc: "ImportResourceState", resource: req.type_name });
    if (!ctx) return;
    const resp: ImportResponse = { state: null, private: emptyBytes, diagnostics };
    await kind.definition.importState({ id: req.id }, resp, ctx);
    if (diagnostics.hasError()) return;
    if (resp.state === null) {
      diagnostics.addError("Cannot Import Non-Existent Remote Object", `No ${req.type_name} was found for the import ID ${JSON.stringify(req.id)}.`);
      return;
    }
    const state = replaceUnknownWithNull(completeObject(kind.schema.block, resp.state));
    response.imported_resources = [{ type_name: req.type_name, state: encodeObject(state, kind.type), private: resp.private }];
  });
  response.diagnostics = diagnosticsToProto(diagnostics.items);
  return response;
}
