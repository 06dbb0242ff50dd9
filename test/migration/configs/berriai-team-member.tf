terraform {
  required_providers {
    litellm = {
      source = "BerriAI/litellm"
    }
  }
}

provider "litellm" {}

# BerriAI docs/resources/team_member.md, "Example Usage" (the team and user it names are created here).
resource "litellm_team" "engineering" {
  team_alias = "engineering"
}

resource "litellm_user" "user_3" {
  user_id    = "user_3"
  user_email = "engineer@example.com"
}

resource "litellm_team_member" "engineer" {
  team_id            = litellm_team.engineering.id
  user_id            = litellm_user.user_3.user_id
  user_email         = "engineer@example.com"
  role               = "user"
  max_budget_in_team = 200.0
}
