resource "litellm_key" "ci" {
  key_alias  = "ci-pipeline"
  max_budget = 10
}

# Look a key up by alias... (the secret is never readable)
data "litellm_key" "by_alias" {
  key_alias = litellm_key.ci.key_alias
}

# ...or by its token hash. Give exactly one of the two.
data "litellm_key" "by_token" {
  token = litellm_key.ci.id
}

output "ci_spend" {
  value = data.litellm_key.by_alias.spend
}
