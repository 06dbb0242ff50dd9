import type * as tf from "../../protocol/gen/tfplugin6";
import { Diagnostics } from "../diagnostics";
import type { DataSourceReadResponse } from "../resource";
import { decodeObject, encodeObject, guarded, type ProviderRuntime } from "./runtime";
import { diagnosticsToProto, type Answer } from "./to-proto";
import { replaceUnknownWithNull } from "./state-rules";
import { newObject } from "../../values/value";

export async function readDataSource<C>(rt: ProviderRuntime<C>, req: tf.ReadDataSourceRequest): Promise<Answer<tf.ReadDataSourceResponseInit>> {
  const diagnostics = new Diagnostics();
  const response: Answer<tf.ReadDataSourceResponseInit> = { diagnostics: [] };
  await guarded(rt.log, "ReadDataSource", diagnostics, async () => {
    const kind = rt.dataSource(req.type_name, diagnostics);
    if (!kind) return;
    const config = decodeObject(req.config, kind.type) ?? newObject();
    const ctx = rt.context(diagnostics, { rpc: "ReadDataSource", data_source: req.type_name });
    if (!ctx) return;
    const resp: DataSourceReadResponse = { state: newObject(Object.entries(config)), diagnostics };
    await kind.definition.read({ config }, resp, ctx);
    if (!diagnostics.hasError()) response.state = encodeObject(replaceUnknownWithNull(resp.state), kind.type);
  });
  response.diagnostics = diagnosticsToProto(diagnostics.items);
  return response;
}
