# A budget to share: organizations, tags and others point at it with budget_id.
resource "litellm_budget" "engineering" {
  max_budget      = 1000
  soft_budget     = 800
  budget_duration = "monthly"
  tpm_limit       = 200000
  rpm_limit       = 2000
}

# A budget with an ID of your choice.
resource "litellm_budget" "interns" {
  budget_id       = "interns-monthly"
  max_budget      = 50
  budget_duration = "monthly"
}
