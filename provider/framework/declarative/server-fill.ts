// A server default can fill an attribute that create sent as "none": a proxy default budget, say, fills a create
// whose body says null. For a serverDefault attribute the configuration sets to a value whose API form is null,
// the create is followed by an update that removes what the server filled in.
import { isUnknown, type TfObject } from "../../values/value";
import type { Diagnostics } from "../diagnostics";
import type { HandlerContext } from "../resource";
import type { ResourceDeclaration } from "./declaration";
import { fieldOf, fieldValue, sendKey } from "./mapping";

export async function clearServerFills<C, P>(decl: ResourceDeclaration<C, P>, ctx: HandlerContext<C>, id: string, planned: TfObject, config: TfObject, diagnostics: Diagnostics): Promise<void> {
  const names = Object.entries(decl.attributes)
    .filter(([name, a]) => {
      const v = config[name];
      return a.serverDefault && sendKey(name, a) !== undefined && !a.within && v !== null && v !== undefined && !isUnknown(v) && a.codec.toApi(v) === null;
    })
    .map(([name]) => name);
  if (names.length === 0) return;
  try {
    const remote = await decl.api.read(ctx, id);
    const filled = names.filter((n) => (remote ? fieldValue(remote, fieldOf(n, decl.attributes[n]!)) ?? null : null) !== null);
    if (filled.length > 0) await decl.api.update(ctx, id, Object.fromEntries(filled.map((n) => [sendKey(n, decl.attributes[n]!)!, null])), planned);
  } catch (e) {
    diagnostics.addError(
      "Cannot Remove A Server Default",
      `Error while removing the ${names.join(", ")} LiteLLM gave ${decl.noun} ${id} on create: ${decl.describeError(e).message}`,
    );
  }
}
