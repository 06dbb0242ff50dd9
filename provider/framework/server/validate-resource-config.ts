import type * as tf from "../../protocol/gen/tfplugin6";
import { Diagnostics } from "../diagnostics";
import { decodeObject, guarded, type ProviderRuntime } from "./runtime";
import { diagnosticsToProto, type Answer } from "./to-proto";

export async function validateResourceConfig<C>(rt: ProviderRuntime<C>, req: tf.ValidateResourceConfigRequest): Promise<Answer<tf.ValidateResourceConfigResponseInit>> {
  const diagnostics = new Diagnostics();
  await guarded(rt.log, "ValidateResourceConfig", diagnostics, () => {
    const kind = rt.resource(req.type_name, diagnostics);
    if (!kind) return;
    const config = decodeObject(req.config, kind.type);
    if (!config) return;
    diagnostics.append(rt.validatorFor(kind)(config));
    kind.definition.validate?.({ config }, { diagnostics });
  });
  return { diagnostics: diagnosticsToProto(diagnostics.items) };
}
