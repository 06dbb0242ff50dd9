resource "litellm_budget" "team" {
  max_budget      = 100
  budget_duration = "weekly"
}

# Read a budget by budget_id.
data "litellm_budget" "team" {
  budget_id = litellm_budget.team.budget_id
}

output "team_budget_reset" {
  value = data.litellm_budget.team.budget_duration
}
