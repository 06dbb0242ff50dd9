terraform {
  required_providers {
    litellm = {
      source = "ncecere/litellm"
    }
  }
}

provider "litellm" {}

# ncecere v2 docs/data-sources/user.md and internal_testing/datasources/user.tf: a user, looked up by ID.
resource "litellm_team" "platform" {
  team_alias = "platform"
}

resource "litellm_user" "minimal" {
  user_alias = "lookup-me"
  user_role  = "internal_user"
  models     = ["gpt-4o"]
  teams      = [litellm_team.platform.id]
  metadata = {
    "department" = "engineering"
  }
}

data "litellm_user" "existing" {
  user_id = litellm_user.minimal.id
}

output "user_info" {
  value = {
    email      = data.litellm_user.existing.user_email
    role       = data.litellm_user.existing.user_role
    max_budget = data.litellm_user.existing.max_budget
    teams      = data.litellm_user.existing.teams
    spend      = data.litellm_user.existing.spend
    alias      = data.litellm_user.existing.user_alias
    models     = data.litellm_user.existing.models
  }
}
