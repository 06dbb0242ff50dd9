// A configuration's metadata must not name a key LiteLLM owns: state never shows those keys in metadata, so the
// plan would never settle. The ones with an argument of their own on that resource are pointed to it.
import type { TfObject } from "../../values/value";
import { jsonObjectOf } from "../../framework/declarative";
import type { ConfigCheck } from "../../framework/validators";
import { attributePath, type Diagnostics } from "../../framework/diagnostics";
import { metadataArguments } from "./metadata-attributes";
import { ownedKeysIn } from "./owned-metadata";

/** `offered`: the owned keys the resource has an argument for (users and teams: all of metadataArguments). */
export function validateOwnMetadata(config: TfObject, diagnostics: Diagnostics, attribute = "metadata", offered: readonly string[] = metadataArguments): void {
  // Either form (a map, or JSON text); anything that is not an object is the schema constraint's to report.
  const parsed = jsonObjectOf(config[attribute]);
  if (parsed === undefined) return;
  for (const key of ownedKeysIn(parsed)) {
    const own = offered.includes(key);
    diagnostics.addError(
      "Metadata Key Belongs To LiteLLM",
      `LiteLLM keeps its own setting ${JSON.stringify(key)} inside metadata, so it is not part of ${attribute}. ` +
        (own ? `Use the ${key} argument instead.` : `Manage it in LiteLLM; the provider keeps it as LiteLLM has it.`),
      attributePath(attribute),
    );
  }
}

/** The same rule as a declarative resource's check, for a resource offering the `offered` arguments. */
export function ownMetadataCheck(offered: readonly string[]): ConfigCheck {
  return (config, diagnostics) => validateOwnMetadata(config, diagnostics, "metadata", offered);
}
