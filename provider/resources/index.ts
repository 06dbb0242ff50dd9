// The provider as Terraform sees it: the schema document plus the definitions that serve it.
import schemaDocument from "../../schema/litellm.schema.json";
import { createProviderService, type ProviderServiceHandle } from "../framework/server/provider-service";
import type { SchemaDocument } from "../framework/schema";
import type { Logger } from "../log";
import { litellmProvider } from "./provider";

export const providerAddress = "registry.terraform.io/litellm-tf/litellm";

export function createLitellmProviderService(logger?: Logger): ProviderServiceHandle {
  return createProviderService(litellmProvider, schemaDocument as SchemaDocument, logger);
}
