terraform {
  required_providers {
    litellm = {
      source = "ncecere/litellm"
    }
  }
}

provider "litellm" {}

# ncecere v2 docs/resources/team.md, "Minimal".
resource "litellm_team" "minimal" {
  team_alias = "test-team-minimal"
}
