terraform {
  required_providers {
    litellm = {
      source = "ncecere/litellm"
    }
  }
}

provider "litellm" {}

# ncecere v2 docs/resources/user.md, "Minimal".
resource "litellm_user" "minimal" {
  auto_create_key = false
}
