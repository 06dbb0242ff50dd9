// The users from the litellm_user examples: the app of examples/cdktf/main.ts on CDK Terrain. Only the
// imports differ (`cdktn` for `cdktf`, `litellm-tf/cdktn` for `litellm-tf/cdktf`).
import { TerraformOutput, TerraformStack, TerraformVariable } from "cdktn";
import { Construct } from "constructs";
import { provider, user } from "litellm-tf/cdktn";

/** A string variable whose default is null, set by an override as in the CDKTF example. */
function optionalVariable(scope: Construct, name: string, description: string, sensitive = false): TerraformVariable {
  const variable = new TerraformVariable(scope, name, { type: "string", nullable: true, sensitive, description });
  variable.addOverride("default", null);
  return variable;
}

export class LitellmUsersStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    // Both variables are optional: left unset they are null, and the provider falls back to
    // LITELLM_API_BASE and LITELLM_API_KEY at plan/apply time. (Reading the key from the
    // environment here, at synth time, would write it into cdk.tf.json.)
    const apiBase = optionalVariable(this, "litellm_api_base", "Base URL of the LiteLLM proxy (else LITELLM_API_BASE)");
    const apiKey = optionalVariable(this, "litellm_api_key", "LiteLLM master key (else LITELLM_API_KEY)", true);
    new provider.LitellmProvider(this, "litellm", { apiBase: apiBase.stringValue, apiKey: apiKey.stringValue });

    new user.User(this, "basic", { userEmail: "user@example.com" });

    new user.User(this, "developer", {
      userEmail: "developer@company.com",
      userAlias: "john-developer",
      userRole: "user",
      maxBudget: 100,
      tpmLimit: 100000,
      rpmLimit: 1000,
      models: ["gpt-4", "gpt-3.5-turbo"],
      metadata: { department: "Engineering", team: "Backend" },
    });

    // max_budget 0 means unlimited.
    new user.User(this, "admin", {
      userEmail: "admin@company.com",
      userAlias: "system-admin",
      userRole: "admin",
      maxBudget: 0,
    });

    // The LiteLLM operator's "Admin User": a key is created with the user and kept in state.
    const operatorAdmin = new user.User(this, "operator_admin", {
      userEmail: "admin@example.com",
      userAlias: "admin",
      userRole: "admin",
      keyAlias: "admin-key",
      autoCreateKey: true,
      models: ["gpt-4o", "claude-3-sonnet"],
      maxBudget: 1000,
      budgetDuration: "30d",
    });
    new TerraformOutput(this, "admin_key", {
      value: operatorAdmin.key,
      sensitive: true,
      description: "Virtual key of admin@example.com (read it with: terraform output -raw admin_key)",
    });

    // Adopt a user that already exists in LiteLLM: set LITELLM_LEGACY_USER_ID to its user_id.
    // The next deploy imports it instead of creating a new one.
    const legacyUserId = process.env.LITELLM_LEGACY_USER_ID;
    if (legacyUserId) {
      const legacy = new user.User(this, "legacy", { userEmail: "legacy@example.com", userAlias: "legacy" });
      legacy.importFrom(legacyUserId);
    }
  }
}
