import type * as tf from "../../protocol/gen/tfplugin6";
import { Diagnostics } from "../diagnostics";
import { decodeObject, guarded, type ProviderRuntime } from "./runtime";
import { diagnosticsToProto, type Answer } from "./to-proto";

export async function validateDataResourceConfig<C>(
  rt: ProviderRuntime<C>,
  req: tf.ValidateDataResourceConfigRequest,
): Promise<Answer<tf.ValidateDataResourceConfigResponseInit>> {
  const diagnostics = new Diagnostics();
  await guarded(rt.log, "ValidateDataResourceConfig", diagnostics, () => {
    const kind = rt.dataSource(req.type_name, diagnostics);
    if (!kind) return;
    const config = decodeObject(req.config, kind.type);
    if (!config) return;
    diagnostics.append(rt.validatorFor(kind)(config));
    kind.definition.validate?.({ config }, { diagnostics });
  });
  return { diagnostics: diagnosticsToProto(diagnostics.items) };
}
