terraform {
  required_providers {
    litellm = {
      source = "ncecere/litellm"
    }
  }
}

provider "litellm" {}

# ncecere v2 docs/data-sources/team.md and internal_testing/datasources/team.tf: a team, looked up by ID.
resource "litellm_team" "minimal" {
  team_alias              = "lookup-team"
  max_budget              = 40
  team_member_permissions = ["/key/generate", "/key/info"]
}

data "litellm_team" "existing" {
  team_id = litellm_team.minimal.id
}

output "team_info" {
  value = {
    alias           = data.litellm_team.existing.team_alias
    max_budget      = data.litellm_team.existing.max_budget
    models          = data.litellm_team.existing.models
    blocked         = data.litellm_team.existing.blocked
    spend           = data.litellm_team.existing.spend
    organization_id = data.litellm_team.existing.organization_id
    permissions     = data.litellm_team.existing.team_member_permissions
  }
}
