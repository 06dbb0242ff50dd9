# Every team on the proxy, across all pages.
data "litellm_teams" "all" {}

output "team_aliases" {
  value = [for t in data.litellm_teams.all.teams : t.team_alias]
}
