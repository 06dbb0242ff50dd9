# "admin" is sent to LiteLLM as proxy_admin; state keeps "admin".
resource "litellm_user" "admin" {
  user_email = "admin@company.com"
  user_alias = "system-admin"
  user_role  = "admin"
  max_budget = 0 # unlimited: LiteLLM stores no budget
}
