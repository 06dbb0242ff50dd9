resource "litellm_user" "developer" {
  user_email = "developer@company.com"
  user_alias = "john-developer"
  user_role  = "user"
  max_budget = 100.0
  tpm_limit  = 100000
  rpm_limit  = 1000
  models     = ["gpt-4", "gpt-3.5-turbo"]

  # A JSON object as a string; key order and whitespace do not matter.
  metadata = jsonencode({
    department = "Engineering"
    team       = "Backend"
  })
}
