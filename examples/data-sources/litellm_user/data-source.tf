resource "litellm_user" "alice" {
  user_email = "alice@example.com"
}

# Look a user up by exact email (compared case-insensitively)...
data "litellm_user" "by_email" {
  user_email = litellm_user.alice.user_email
}

# ...or by user_id. Give exactly one of the two.
data "litellm_user" "by_id" {
  user_id = litellm_user.alice.user_id
}

output "alice_spend" {
  value = data.litellm_user.by_email.spend
}
