# Only the email is required. The role defaults to "user" (LiteLLM's internal_user).
resource "litellm_user" "basic" {
  user_email = "user@example.com"
}
