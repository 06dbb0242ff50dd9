// Write-only arguments (tfplugin6 write_only, Terraform 1.11+) arrive only in the configuration: plan and state
// hold null. This wrapper hands their configured values to create, and to an update when the paired version
// argument changed, so the resource sends the secret then and never otherwise. The server strips them from
// every state it returns (server/state-rules.ts withoutWriteOnly).
//
// Import: the API never shows the secret, and Terraform's plan rules force a change when state has no version
// while the configuration sets one. So the import ID may carry the version after its last comma
// ("<id>,<version>"): it says the object holds the secret of that version, and the plan is clean.
import { valuesEqual, type TfObject } from "../values/value";
import type { ResourceDefinition } from "./resource";

export interface WriteOnlyArgument {
  /** The write-only attribute (write_only in the schema document). */
  attribute: string;
  /** The ordinary attribute whose change sends the write-only value again. */
  version: string;
}

export function withWriteOnlyArguments<C>(definition: ResourceDefinition<C>, args: WriteOnlyArgument[]): ResourceDefinition<C> {
  const fill = (planned: TfObject, config: TfObject, send: (a: WriteOnlyArgument) => boolean): TfObject => {
    const out: TfObject = Object.assign(Object.create(null), planned);
    for (const a of args) out[a.attribute] = send(a) ? (config[a.attribute] ?? null) : null;
    return out;
  };
  const importState = definition.importState;
  return {
    ...definition,
    create(req, resp, ctx) {
      return definition.create({ ...req, planned: fill(req.planned, req.config, () => true) }, resp, ctx);
    },
    update(req, resp, ctx) {
      const planned = fill(req.planned, req.config, (a) => !valuesEqual(req.prior[a.version] ?? null, req.planned[a.version] ?? null));
      return definition.update({ ...req, planned }, resp, ctx);
    },
    ...(importState && {
      async importState(req, resp, ctx) {
        const versions = new Set(args.map((a) => a.version));
        const comma = req.id.lastIndexOf(",");
        const version = comma > 0 ? req.id.slice(comma + 1).trim() : "";
        if (version === "") return importState({ id: req.id }, resp, ctx);
        await importState({ id: req.id.slice(0, comma) }, resp, ctx);
        // An ID that itself holds a comma: no object under the part before it, so try it whole.
        if (!resp.state && !resp.diagnostics.hasError()) return importState({ id: req.id }, resp, ctx);
        if (resp.state) for (const v of versions) resp.state[v] = version;
      },
    }),
  };
}
