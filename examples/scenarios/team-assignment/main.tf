# NOT YET SUPPORTED: litellm_team and litellm_team_member are planned for a
# later release of this provider; today `terraform validate` rejects them.
# Kept here as the target shape of the seed's team-assignment example.

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
