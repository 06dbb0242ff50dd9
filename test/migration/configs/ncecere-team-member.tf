terraform {
  required_providers {
    litellm = {
      source = "ncecere/litellm"
    }
  }
}

provider "litellm" {}

# ncecere v2 docs/resources/team_member.md. The user it names exists first: this provider does not let LiteLLM
# create a bare user for an unknown ID (docs/migrating.md), so the configuration creates it.
resource "litellm_team" "engineering" {
  team_alias = "engineering"
}

resource "litellm_user" "developer" {
  user_id    = "developer-1"
  user_email = "developer@example.com"
}

resource "litellm_team_member" "developer" {
  team_id    = litellm_team.engineering.id
  user_id    = litellm_user.developer.user_id
  user_email = litellm_user.developer.user_email
  role       = "user"
}
