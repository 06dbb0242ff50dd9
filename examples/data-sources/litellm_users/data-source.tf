# Every internal user, across all pages of /user/list.
data "litellm_users" "internal" {
  user_role = "internal_user"
}

output "internal_user_emails" {
  value = [for u in data.litellm_users.internal.users : u.user_email]
}
