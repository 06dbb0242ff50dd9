resource "litellm_user" "analyst" {
  user_email = "analyst@example.com"
  user_alias = "analyst"
  models     = ["gpt-4o-mini"]
}

# Reads the user back by user_id; give user_email instead for an exact,
# case-insensitive email lookup.
data "litellm_user" "analyst" {
  user_id = litellm_user.analyst.user_id
}

output "analyst_models" {
  value = data.litellm_user.analyst.models
}
