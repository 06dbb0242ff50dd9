resource "litellm_team" "backend" {
  team_alias = "backend-team"
}

resource "litellm_user" "backend_dev" {
  user_email = "backend-dev@company.com"
}

# A member with the default role "user" and a budget of its own in the team.
resource "litellm_team_member" "dev_membership" {
  team_id            = litellm_team.backend.team_id
  user_id            = litellm_user.backend_dev.user_id
  role               = "user"
  max_budget_in_team = 50
}

resource "litellm_user" "lead" {
  user_email = "lead@company.com"
}

# A member given by the email of an existing user; its user_id is filled in.
resource "litellm_team_member" "by_email" {
  team_id    = litellm_team.backend.team_id
  user_email = litellm_user.lead.user_email
}
