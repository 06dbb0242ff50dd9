terraform {
  required_providers {
    litellm = {
      source = "ncecere/litellm"
    }
  }
}

provider "litellm" {}

# ncecere v2 docs/resources/user.md, "Full".
resource "litellm_user" "full" {
  user_id         = "test-user-full"
  user_alias      = "Test User Full"
  user_email      = "testuser@example.com"
  user_role       = "internal_user"
  max_budget      = 200.0
  budget_duration = "30d"
  tpm_limit       = 50000
  rpm_limit       = 500
  auto_create_key = true

  teams  = []
  models = ["gpt-4o", "gpt-4o-mini"]

  metadata = {
    "department" = "engineering"
  }
}
