import type * as tf from "../../protocol/gen/tfplugin6";
import { Diagnostics } from "../diagnostics";
import { decodeObject, guarded, type ProviderRuntime } from "./runtime";
import { diagnosticsToProto, type Answer } from "./to-proto";

export async function validateProviderConfig<C>(rt: ProviderRuntime<C>, req: tf.ValidateProviderConfigRequest): Promise<Answer<tf.ValidateProviderConfigResponseInit>> {
  const diagnostics = new Diagnostics();
  await guarded(rt.log, "ValidateProviderConfig", diagnostics, () => {
    const config = decodeObject(req.config, rt.providerType);
    if (!config) return;
    diagnostics.append(rt.providerValidatorFn()(config));
    rt.definition.validate?.({ config }, { diagnostics });
  });
  return { diagnostics: diagnosticsToProto(diagnostics.items) };
}
