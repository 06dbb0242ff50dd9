# An organization with a shared budget, two teams in it with their members and
# a key each, the organization's members, a tag with a budget of its own, and a
# model access group over two deployments that the data team and its key use by
# the group's name.

resource "litellm_budget" "acme" {
  max_budget      = 5000
  soft_budget     = 4000
  budget_duration = "monthly"
  tpm_limit       = 1000000
}

resource "litellm_organization" "acme" {
  organization_alias = "acme"
  # Teams in the organization may only use these (a group counts by its name).
  models    = ["gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet", litellm_access_group.analytics.access_group]
  budget_id = litellm_budget.acme.budget_id

  metadata = jsonencode({
    cost_center = "ACME-001"
  })
}

resource "litellm_user" "lead" {
  user_email = "acme-lead@example.com"
  user_role  = "user"
}

resource "litellm_user" "dev" {
  user_email = "acme-dev@example.com"
  user_role  = "user"
}

resource "litellm_user" "analyst" {
  user_email = "acme-analyst@example.com"
  user_role  = "user"
}

resource "litellm_organization_member" "lead" {
  organization_id = litellm_organization.acme.organization_id
  user_id         = litellm_user.lead.user_id
  role            = "org_admin"
}

resource "litellm_organization_member" "dev" {
  organization_id            = litellm_organization.acme.organization_id
  user_id                    = litellm_user.dev.user_id
  max_budget_in_organization = 300
}

resource "litellm_organization_member" "analyst" {
  organization_id = litellm_organization.acme.organization_id
  user_email      = litellm_user.analyst.user_email
  role            = "internal_user_viewer"
}

resource "litellm_team" "platform" {
  team_alias      = "acme-platform"
  organization_id = litellm_organization.acme.organization_id
  models          = ["gpt-4o", "gpt-4o-mini"]
  max_budget      = 1000
  budget_duration = "monthly"
}

# Two deployments of one model, and an access group over both: keys and teams
# that list "acme-analytics" in models may use every deployment in it.
resource "litellm_model" "sonnet_primary" {
  model_name          = "claude-3-5-sonnet"
  custom_llm_provider = "anthropic"
  base_model          = "claude-3-5-sonnet-20241022"
}

resource "litellm_model" "sonnet_fallback" {
  model_name          = "claude-3-5-sonnet"
  custom_llm_provider = "bedrock"
  base_model          = "anthropic.claude-3-5-sonnet-20241022-v2:0"
}

resource "litellm_access_group" "analytics" {
  access_group = "acme-analytics"
  model_ids    = [litellm_model.sonnet_primary.id, litellm_model.sonnet_fallback.id]
}

resource "litellm_team" "data" {
  team_alias      = "acme-data"
  organization_id = litellm_organization.acme.organization_id
  models          = [litellm_access_group.analytics.access_group]
  max_budget      = 500
  budget_duration = "monthly"
}

resource "litellm_team_member" "platform_lead" {
  team_id = litellm_team.platform.team_id
  user_id = litellm_user.lead.user_id
  role    = "user"
}

resource "litellm_team_member" "platform_dev" {
  team_id            = litellm_team.platform.team_id
  user_id            = litellm_user.dev.user_id
  max_budget_in_team = 200
}

resource "litellm_team_member" "data_analyst" {
  team_id = litellm_team.data.team_id
  user_id = litellm_user.analyst.user_id
}

# One key per team: spend on it counts against the team and the organization.
resource "litellm_key" "platform" {
  key_alias  = "acme-platform-service"
  team_id    = litellm_team.platform.team_id
  models     = ["gpt-4o-mini"]
  max_budget = 100
}

resource "litellm_key" "data" {
  key_alias = "acme-data-service"
  team_id   = litellm_team.data.team_id
  models    = [litellm_access_group.analytics.access_group]
}

resource "litellm_tag" "batch" {
  name            = "acme-batch"
  description     = "ACME's nightly batch jobs"
  models          = ["gpt-4o-mini"]
  max_budget      = 100
  budget_duration = "daily"
}

data "litellm_organization" "acme" {
  organization_id = litellm_organization.acme.organization_id
}

output "acme_budget" {
  value = data.litellm_organization.acme.max_budget
}

output "analytics_models" {
  value = litellm_access_group.analytics.model_names
}
