resource "litellm_organization" "research" {
  organization_alias = "research"
}

resource "litellm_user" "lead" {
  user_email = "research-lead@example.com"
}

# The user by email, as an organization admin with a budget of their own.
resource "litellm_organization_member" "lead" {
  organization_id            = litellm_organization.research.organization_id
  user_email                 = litellm_user.lead.user_email
  role                       = "org_admin"
  max_budget_in_organization = 100
}

resource "litellm_user" "analyst" {
  user_email = "research-analyst@example.com"
}

# The user by ID, with the default role internal_user.
resource "litellm_organization_member" "analyst" {
  organization_id = litellm_organization.research.organization_id
  user_id         = litellm_user.analyst.user_id
}
