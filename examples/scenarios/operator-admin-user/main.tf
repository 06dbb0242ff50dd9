# The LiteLLM operator's "admin-user" User, in HCL.
resource "litellm_user" "admin" {
  user_email      = "admin@example.com"
  user_alias      = "admin"
  user_role       = "admin" # sent as proxy_admin
  key_alias       = "admin-key"
  auto_create_key = true
  models          = ["gpt-4o", "claude-3-sonnet"]
  max_budget      = 1000
  budget_duration = "30d" # a different value from "monthly" (1mo)
}

output "admin_key" {
  value     = litellm_user.admin.key
  sensitive = true
}
