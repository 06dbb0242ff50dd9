resource "litellm_organization" "sales" {
  organization_alias = "sales"
  max_budget         = 300
}

# Read an organization by its exact name (or by organization_id). depends_on makes
# Terraform read it after the organization is created.
data "litellm_organization" "sales" {
  organization_alias = "sales"
  depends_on         = [litellm_organization.sales]
}

output "sales_budget_id" {
  value = data.litellm_organization.sales.budget_id
}
