# The LiteLLM operator's "alice" User, in HCL:
#   userEmail/userAlias/userRole/keyAlias/autoCreateKey/models/maxBudget/budgetDuration
resource "litellm_user" "alice" {
  user_email      = "alice@example.com"
  user_alias      = "alice"
  user_role       = "customer" # sent as internal_user: can create keys, limited to its budget
  key_alias       = "alice-key"
  auto_create_key = true
  models          = ["gpt-4o"]
  max_budget      = "10" # the operator's string dollars; Terraform converts it to a number
  budget_duration = "1h"
}

# LiteLLM shows a key only once, at creation; it is kept (sensitive) in state.
output "alice_key" {
  value     = litellm_user.alice.key
  sensitive = true
}
