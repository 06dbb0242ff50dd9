resource "litellm_team" "backend" {
  team_alias = "backend-team"
}

# Look a team up by its exact name...
data "litellm_team" "by_alias" {
  team_alias = litellm_team.backend.team_alias
}

# ...or by team_id. Give exactly one of the two.
data "litellm_team" "by_id" {
  team_id = litellm_team.backend.team_id
}

output "backend_members" {
  value = data.litellm_team.by_alias.member_user_ids
}
