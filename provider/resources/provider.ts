// The litellm provider: its configuration, and the resources and data sources it serves.
import { readFileSync } from "node:fs";
import { containsUnknown } from "../values/value";
import { attributePath } from "../framework/diagnostics";
import type { ProviderDefinition } from "../framework/resource";
import { LiteLLMClient } from "../litellm/client";
import { registerSecret } from "../log";
import { bool, num, str } from "./attribute-values";
import { userResource } from "./user/resource";
import { userDataSource } from "./user/data-source";
import { teamResource } from "./team/resource";
import { teamDataSource } from "./team/data-source";
import { teamMemberResource } from "./team-member/resource";
import { budgetResource } from "./budget/resource";
import { budgetDataSource } from "./budget/data-source";
import { organizationResource } from "./organization/resource";
import { organizationDataSource, organizationsDataSource } from "./organization/data-sources";
import { organizationMemberResource } from "./organization-member/resource";
import { tagResource } from "./tag/resource";
import { accessGroupResource } from "./access-group/resource";
import { accessGroupDataSource } from "./access-group/data-source";
import { keyResource } from "./key/resource";
import { keyDataSource } from "./key/data-source";
import { credentialResource } from "./credential/resource";
import { modelResource } from "./model/resource";
import { modelDataSource } from "./model/data-source";
import { keysDataSource, modelsDataSource, teamsDataSource, usersDataSource } from "./listings";
import packageJson from "../../package.json";

const defaultTimeoutSeconds = 30;
const defaultMaxRetries = 4;

export const litellmProvider: ProviderDefinition<LiteLLMClient> = {
  constraints: {
    api_base: { schema: { pattern: "^https?://[^\\s]+$" }, expectation: "must be an http:// or https:// URL, like https://litellm.example.com" },
    request_timeout: { schema: { exclusiveMinimum: 0 }, expectation: "must be a number of seconds above 0" },
    max_retries: { schema: { type: "integer", minimum: 0, maximum: 20 }, expectation: "must be a whole number from 0 to 20" },
    api_key_header: { schema: { pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$" }, expectation: "must be an HTTP header name, like X-Litellm-Key" },
  },

  async configure({ config, terraformVersion }, resp, ctx) {
    const env = process.env;
    if (containsUnknown(config.api_base) || containsUnknown(config.api_key)) {
      // Known only after apply: resources are planned without a client; calls will say so.
      resp.diagnostics.addWarning(
        "Provider Configuration Not Yet Known",
        "api_base or api_key depends on values known only after apply, so the litellm provider cannot reach LiteLLM during this plan.",
      );
      return;
    }
    const apiBase = str(config, "api_base") ?? env.LITELLM_API_BASE ?? "";
    const apiKey = str(config, "api_key") ?? env.LITELLM_API_KEY ?? "";
    registerSecret(apiKey);
    if (!apiBase) {
      resp.diagnostics.addError("Missing api_base", "Set api_base in the provider block, or the LITELLM_API_BASE environment variable, to the URL of your LiteLLM proxy.", attributePath("api_base"));
    } else if (!/^https?:\/\//.test(apiBase)) {
      resp.diagnostics.addError("Invalid api_base", `api_base must be an http:// or https:// URL; got ${JSON.stringify(apiBase)}.`, attributePath("api_base"));
    }
    if (!apiKey) {
      resp.diagnostics.addError("Missing api_key", "Set api_key in the provider block, or the LITELLM_API_KEY environment variable, to the proxy's master key.", attributePath("api_key"));
    }
    const timeout = num(config, "request_timeout") ?? envNumber(env.LITELLM_REQUEST_TIMEOUT) ?? defaultTimeoutSeconds;
    const maxRetries = num(config, "max_retries") ?? envNumber(env.LITELLM_MAX_RETRIES) ?? defaultMaxRetries;
    const caFile = str(config, "ca_cert_file") ?? env.LITELLM_CA_CERT_FILE ?? null;
    const apiKeyHeader = str(config, "api_key_header") ?? env.LITELLM_API_KEY_HEADER ?? undefined;
    const insecure = bool(config, "insecure_skip_verify") ?? /^(1|true|yes)$/i.test(env.LITELLM_INSECURE_SKIP_VERIFY ?? "");
    let caPem: string | undefined;
    if (caFile) {
      try {
        caPem = readFileSync(caFile, "utf8");
      } catch (e) {
        resp.diagnostics.addError("Cannot Read ca_cert_file", `Reading ${caFile} failed: ${(e as Error).message}.`, attributePath("ca_cert_file"));
      }
    }
    if (resp.diagnostics.hasError()) return;
    ctx.log.debug("configured LiteLLM client", { api_base: apiBase, timeout_seconds: timeout, max_retries: maxRetries });
    resp.client = new LiteLLMClient({
      apiBase,
      apiKey,
      timeoutMs: Math.round(timeout * 1000),
      retry: { maxRetries },
      caPem,
      insecureSkipVerify: insecure,
      apiKeyHeader,
      userAgent: `litellm-tf/${packageJson.version} terraform/${terraformVersion || "unknown"}`,
    });
  },

  resources: [
    userResource, teamResource, teamMemberResource, keyResource, credentialResource, modelResource,
    budgetResource, organizationResource, organizationMemberResource, tagResource, accessGroupResource,
  ],
  dataSources: [
    userDataSource, teamDataSource, keyDataSource, modelDataSource, usersDataSource, teamsDataSource, keysDataSource, modelsDataSource,
    budgetDataSource, organizationDataSource, organizationsDataSource, accessGroupDataSource,
  ],
};

function envNumber(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}
