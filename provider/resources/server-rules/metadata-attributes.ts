// metadata and the owned-key arguments (metadata-arguments.ts) as declared attributes, the same on users and
// teams: LiteLLM keeps guardrails, tags and the per-model limits as its own keys inside metadata.
import { jsonObject, numberMap, stringList, type AttributeDeclaration, type Codec } from "../../framework/declarative";
import { liteLLMOwnedMetadataKeys } from "./owned-metadata";

/** An attribute LiteLLM keeps as a key of metadata (one of liteLLMOwnedMetadataKeys). */
export const inMetadata = (name: string, codec: Codec, a: Partial<AttributeDeclaration> = {}): AttributeDeclaration => ({ codec, field: `metadata.${name}`, within: "metadata", ...a });

export const metadataAttributes: Record<string, AttributeDeclaration> = {
  metadata: { codec: jsonObject({ serverOwned: liteLLMOwnedMetadataKeys }) },
  // Left out, each keeps what LiteLLM holds (set in its UI, say); an empty list or map removes the key.
  guardrails: inMetadata("guardrails", stringList(), { serverDefault: true }),
  tags: inMetadata("tags", stringList(), { serverDefault: true }),
  model_rpm_limit: inMetadata("model_rpm_limit", numberMap(), { serverDefault: true }),
  model_tpm_limit: inMetadata("model_tpm_limit", numberMap(), { serverDefault: true }),
};

/** The owned keys with an argument of their own (the community provider's names), on users and teams. */
export const metadataArguments = Object.keys(metadataAttributes).filter((n) => n !== "metadata");
