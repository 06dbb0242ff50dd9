# An organization with a budget of its own, made by LiteLLM from these fields.
resource "litellm_organization" "research" {
  organization_alias = "research"
  models             = ["gpt-4o", "claude-3-5-sonnet"]
  max_budget         = 2000
  budget_duration    = "monthly"
  tpm_limit          = 500000

  metadata = jsonencode({
    cost_center = "R&D"
  })
}

# An organization that uses a shared litellm_budget.
resource "litellm_budget" "shared" {
  max_budget      = 5000
  budget_duration = "monthly"
}

resource "litellm_organization" "platform" {
  organization_alias = "platform"
  budget_id          = litellm_budget.shared.budget_id
}
