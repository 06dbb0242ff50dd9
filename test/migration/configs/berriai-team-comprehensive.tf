terraform {
  required_providers {
    litellm = {
      source = "BerriAI/litellm"
    }
  }
}

provider "litellm" {}

# BerriAI docs/resources/team.md, "Team with Comprehensive Configuration".
resource "litellm_team" "advanced_team" {
  team_alias      = "ai-research-team"
  organization_id = "org_123456"
  models          = ["gpt-4-proxy", "claude-2", "gpt-3.5-turbo"]

  # Budget and rate limiting
  max_budget      = 1000.0
  budget_duration = "1mo"
  tpm_limit       = 500000
  rpm_limit       = 5000
  blocked         = false

  # Team member permissions
  team_member_permissions = [
    "create_key",
    "delete_key",
    "view_spend",
    "edit_team"
  ]

  # Metadata for organization
  metadata = {
    department  = "Engineering"
    project     = "AI Research"
    cost_center = "R&D-001"
  }
}
