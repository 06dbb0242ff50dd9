# Look a team up by its exact name...
data "litellm_team" "by_alias" {
  team_alias = "backend-team"
}

# ...or by team_id. Give exactly one of the two.
data "litellm_team" "by_id" {
  team_id = "8d916b1c-510d-4894-a334-1c16a93344f5"
}

output "backend_members" {
  value = data.litellm_team.by_alias.member_user_ids
}
