terraform {
  required_providers {
    litellm = {
      source = "BerriAI/litellm"
    }
  }
}

provider "litellm" {}

# BerriAI docs/resources/user.md, every other argument of its argument reference.
resource "litellm_user" "bob" {
  user_id               = "bob-user-id"
  user_email            = "bob@example.com"
  max_parallel_requests = 10
  auto_create_key       = true
  send_invite_email     = false
  key_alias             = "bob-key"
  blocked               = false

  aliases = {
    fast = "gpt-4o-mini"
  }
  config = {
    cache = "on"
  }
  permissions = {
    get_spend_routes = "false"
  }
}
