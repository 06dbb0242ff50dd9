# A team with a weekly budget and two members: a lead with no budget of its
# own, and a contractor limited to $20 of the team's budget.

resource "litellm_team" "platform" {
  team_alias      = "platform"
  models          = ["gpt-4o-mini"]
  max_budget      = 200
  budget_duration = "weekly"
  metadata        = jsonencode({ owner = "platform-lead@example.com" })
}

resource "litellm_user" "lead" {
  user_email = "platform-lead@example.com"
}

resource "litellm_user" "contractor" {
  user_email = "platform-contractor@example.com"
}

resource "litellm_team_member" "lead" {
  team_id = litellm_team.platform.team_id
  user_id = litellm_user.lead.user_id
}

resource "litellm_team_member" "contractor" {
  team_id            = litellm_team.platform.team_id
  user_id            = litellm_user.contractor.user_id
  max_budget_in_team = 20
}

# Read back through the data source: the lead, the contractor and LiteLLM's own
# admin for the team (default_user_id, when the master key created it).
data "litellm_team" "platform" {
  team_id    = litellm_team.platform.team_id
  depends_on = [litellm_team_member.lead, litellm_team_member.contractor]
}

output "platform_members" {
  value = data.litellm_team.platform.member_user_ids
}
