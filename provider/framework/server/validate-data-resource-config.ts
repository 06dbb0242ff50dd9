import type * as tf from "../../protocol/gen/tfplugin6";
import type { ProviderRuntime } from "./runtime";
import type { Answer } from "./to-proto";
import { validateConfigOf } from "./validate-config";

export function validateDataResourceConfig<C>(
  rt: ProviderRuntime<C>,
  req: tf.ValidateDataResourceConfigRequest,
): Promise<Answer<tf.ValidateDataResourceConfigResponseInit>> {
  return validateConfigOf(rt, "ValidateDataResourceConfig", (diagnostics) => rt.dataSource(req.type_name, diagnostics), req.config);
}
