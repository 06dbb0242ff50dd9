// Write-only attributes need Terraform 1.11+: an older Terraform would keep their values in plan and state,
// so a configuration that sets one is refused there, before any API call.
import type { TfObject } from "../../values/value";
import type { Diagnostics } from "../diagnostics";
import type { BlockSchema } from "../schema";

export function refuseWriteOnlyWithoutSupport(block: BlockSchema, config: TfObject, allowed: boolean, diagnostics: Diagnostics): void {
  if (allowed) return;
  for (const a of block.attributes) {
    if (!a.writeOnly || config[a.name] === null || config[a.name] === undefined) continue;
    diagnostics.addError(
      "Write-Only Argument Needs Terraform 1.11",
      `${a.name} is write-only: Terraform 1.11 or later sends it to the provider without keeping it in plan or state. This Terraform does not support write-only arguments, so it would store the secret. Upgrade Terraform to 1.11 or later, or remove ${a.name}.`,
      [{ attribute: a.name }],
    );
  }
}
