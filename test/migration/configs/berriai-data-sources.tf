terraform {
  required_providers {
    litellm = {
      source = "BerriAI/litellm"
    }
  }
}

provider "litellm" {}

# BerriAI docs/data-sources/user.md and team.md: lookups by ID.
resource "litellm_team" "ml" {
  team_alias      = "ml"
  organization_id = "org-ml"
  models          = ["gpt-4o"]
}

resource "litellm_user" "alice" {
  user_id               = "alice-user-id"
  user_email            = "alice@example.com"
  max_parallel_requests = 4
}

data "litellm_user" "alice" {
  user_id = litellm_user.alice.user_id
}

data "litellm_team" "ml" {
  team_id = litellm_team.ml.team_id
}

output "alice_email" {
  value = data.litellm_user.alice.user_email
}

output "alice_parallel" {
  value = data.litellm_user.alice.max_parallel_requests
}

output "ml_team" {
  value = {
    models          = data.litellm_team.ml.models
    organization_id = data.litellm_team.ml.organization_id
    permissions     = data.litellm_team.ml.team_member_permissions
  }
}
