# Look a user up by exact email (compared case-insensitively)...
data "litellm_user" "by_email" {
  user_email = "alice@example.com"
}

# ...or by user_id. Give exactly one of the two.
data "litellm_user" "by_id" {
  user_id = "2b5f4c1e-8d3a-4f6b-9c7e-1a2b3c4d5e6f"
}

output "alice_spend" {
  value = data.litellm_user.by_email.spend
}
