# Every key of one user, across all pages of /key/list. Secrets are never listed.
data "litellm_keys" "ci" {
  user_id = "ci-bot"
}

output "ci_key_aliases" {
  value = [for k in data.litellm_keys.ci.keys : k.key_alias]
}
