import type * as tf from "../../protocol/gen/tfplugin6";
import type { ProviderRuntime } from "./runtime";
import type { Answer } from "./to-proto";
import { validateConfigOf } from "./validate-config";
import { refuseWriteOnlyWithoutSupport } from "./write-only";

export function validateResourceConfig<C>(rt: ProviderRuntime<C>, req: tf.ValidateResourceConfigRequest): Promise<Answer<tf.ValidateResourceConfigResponseInit>> {
  const writeOnlyAllowed = req.client_capabilities?.write_only_attributes_allowed === true;
  return validateConfigOf(
    rt,
    "ValidateResourceConfig",
    (diagnostics) => rt.resource(req.type_name, diagnostics),
    req.config,
    (kind, config, diagnostics) => refuseWriteOnlyWithoutSupport(kind.schema.block, config, writeOnlyAllowed, diagnostics),
  );
}
