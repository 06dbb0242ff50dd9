# Every organization on the proxy.
data "litellm_organizations" "all" {}

output "organization_names" {
  value = [for o in data.litellm_organizations.all.organizations : o.organization_alias]
}
