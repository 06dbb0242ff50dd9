import type * as tf from "../../protocol/gen/tfplugin6";
import { Diagnostics } from "../diagnostics";
import type { ConfigureResponse } from "../resource";
import { decodeObject, guarded, type ProviderRuntime } from "./runtime";
import { diagnosticsToProto, type Answer } from "./to-proto";
import { newObject } from "../../values/value";

export async function configureProvider<C>(rt: ProviderRuntime<C>, req: tf.ConfigureProviderRequest): Promise<Answer<tf.ConfigureProviderResponseInit>> {
  const diagnostics = new Diagnostics();
  await guarded(rt.log, "ConfigureProvider", diagnostics, async () => {
    const config = decodeObject(req.config, rt.providerType) ?? newObject();
    const resp: ConfigureResponse<C> = { diagnostics };
    await rt.definition.configure({ config, terraformVersion: req.terraform_version ?? "" }, resp, { log: rt.log, signal: rt.stop.signal });
    if (resp.client !== undefined && !diagnostics.hasError()) rt.setClient(resp.client);
  });
  return { diagnostics: diagnosticsToProto(diagnostics.items) };
}
