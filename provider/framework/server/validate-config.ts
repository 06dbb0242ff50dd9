// What ValidateResourceConfig and ValidateDataResourceConfig share: the schema's constraints, then the
// definition's own validate(), on the decoded configuration of a resource or data source type.
import type * as tf from "../../protocol/gen/tfplugin6";
import { Diagnostics } from "../diagnostics";
import type { TfObject } from "../../values/value";
import type { AttributeConstraints } from "../validation";
import type { ValidateRequest, ValidateResponse } from "../resource";
import { decodeObject, guarded, type Kind, type ProviderRuntime } from "./runtime";
import { diagnosticsToProto, type Answer } from "./to-proto";

type Validated = { constraints?: AttributeConstraints; validate?(req: ValidateRequest, resp: ValidateResponse): void };

export async function validateConfigOf<C>(
  rt: ProviderRuntime<C>,
  rpc: string,
  find: (diagnostics: Diagnostics) => Kind<Validated> | undefined,
  dv: tf.DynamicValueInit | undefined,
  /** A check of the RPC's own, after the schema's constraints (write-only support for resources). */
  check?: (kind: Kind<Validated>, config: TfObject, diagnostics: Diagnostics) => void,
): Promise<Answer<{ diagnostics?: tf.DiagnosticInit[] }>> {
  const diagnostics = new Diagnostics();
  await guarded(rt.log, rpc, diagnostics, () => {
    const kind = find(diagnostics);
    if (!kind) return;
    const config = decodeObject(dv, kind.type);
    if (!config) return;
    diagnostics.append(rt.validatorFor(kind)(config));
    check?.(kind, config, diagnostics);
    kind.definition.validate?.({ config }, { diagnostics });
  });
  return { diagnostics: diagnosticsToProto(diagnostics.items) };
}
