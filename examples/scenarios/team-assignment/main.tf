# The seed's "User with Team Assignment" example, as written.

resource "litellm_team" "backend" {
  team_alias = "backend-team"
}

resource "litellm_user" "backend_dev" {
  user_email = "backend-dev@company.com"
  user_alias = "backend-developer"
}

resource "litellm_team_member" "dev_membership" {
  team_id = litellm_team.backend.team_id
  user_id = litellm_user.backend_dev.user_id
  role    = "user"
}
