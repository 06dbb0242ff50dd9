# Adopts a user that already exists in LiteLLM (created in its UI, say).
# The import ID is a user_id, or an email that matches exactly one user.
# To have Terraform write this resource block for you, keep only the import
# block and run: terraform plan -generate-config-out=generated.tf
import {
  to = litellm_user.ops_lead
  id = "ops-lead@example.com"
}

resource "litellm_user" "ops_lead" {
  user_email = "ops-lead@example.com"
  user_alias = "ops-lead"
  user_role  = "internal_user" # LiteLLM's own role names work too
  max_budget = 50
}
