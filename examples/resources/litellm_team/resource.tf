# Minimal: a named team. LiteLLM generates its team_id.
resource "litellm_team" "backend" {
  team_alias = "backend-team"
}

# Full: a shared budget reset every week, rate limits, the models the team's
# keys may use, and metadata as a JSON string.
resource "litellm_team" "research" {
  team_alias      = "research"
  models          = ["gpt-4o", "claude-3-sonnet"]
  max_budget      = 500
  budget_duration = "weekly"
  tpm_limit       = 100000
  rpm_limit       = 1000

  metadata = jsonencode({
    cost_center = "R&D"
  })
}
