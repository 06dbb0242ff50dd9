terraform {
  required_providers {
    litellm = {
      source = "BerriAI/litellm"
    }
  }
}

provider "litellm" {}

# BerriAI terraform/provider docs/resources/user.md, "Example Usage" (the team it names is created here).
resource "litellm_team" "engineering" {
  team_alias = "engineering-team"
}

resource "litellm_user" "alice" {
  user_email      = "alice@example.com"
  user_alias      = "Alice"
  user_role       = "internal_user"
  max_budget      = 100.0
  budget_duration = "30d"
  tpm_limit       = 100000
  rpm_limit       = 1000
  teams           = [litellm_team.engineering.id]
  models          = ["gpt-4o", "claude-sonnet-4-5"]

  metadata = {
    department = "engineering"
  }

  model_max_budget = jsonencode({
    "gpt-4o" = {
      max_budget = 25.0
    }
  })
}
