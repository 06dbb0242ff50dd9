// A configuration's metadata must not name a key LiteLLM owns: state never shows those keys in metadata, so the
// plan would never settle. The ones with an argument of their own are pointed to it.
import { isUnknown, type TfObject } from "../../values/value";
import { attributePath, type Diagnostics } from "../../framework/diagnostics";
import { metadataArguments } from "./metadata-arguments";
import { ownedKeysIn } from "./owned-metadata";

export function validateOwnMetadata(config: TfObject, diagnostics: Diagnostics, attribute = "metadata"): void {
  const text = config[attribute];
  if (typeof text !== "string" || isUnknown(text)) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return; // the schema constraint reports it
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return;
  for (const key of ownedKeysIn(parsed as Record<string, unknown>)) {
    const own = (metadataArguments as readonly string[]).includes(key);
    diagnostics.addError(
      "Metadata Key Belongs To LiteLLM",
      `LiteLLM keeps its own setting ${JSON.stringify(key)} inside metadata, so it is not part of ${attribute}. ` +
        (own ? `Use the ${key} argument instead.` : `Manage it in LiteLLM; the provider keeps it as LiteLLM has it.`),
      attributePath(attribute),
    );
  }
}
