import type * as tf from "../../protocol/gen/tfplugin6";
import type { ProviderRuntime } from "./runtime";
import type { Answer } from "./to-proto";
import { validateConfigOf } from "./validate-config";

export function validateResourceConfig<C>(rt: ProviderRuntime<C>, req: tf.ValidateResourceConfigRequest): Promise<Answer<tf.ValidateResourceConfigResponseInit>> {
  return validateConfigOf(rt, "ValidateResourceConfig", (diagnostics) => rt.resource(req.type_name, diagnostics), req.config);
}
