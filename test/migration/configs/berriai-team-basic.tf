terraform {
  required_providers {
    litellm = {
      source = "BerriAI/litellm"
    }
  }
}

provider "litellm" {}

# BerriAI docs/resources/team.md, "Basic Team Configuration".
resource "litellm_team" "engineering" {
  team_alias = "engineering-team"
  models     = ["gpt-4-proxy", "claude-2"]
  max_budget = 1000.0
}
