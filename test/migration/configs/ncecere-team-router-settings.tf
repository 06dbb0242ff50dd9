terraform {
  required_providers {
    litellm = {
      source = "ncecere/litellm"
    }
  }
}

provider "litellm" {}

# ncecere v2 docs/resources/team.md, "With Router Settings (Fallbacks)".
resource "litellm_team" "with_fallbacks" {
  team_alias = "resilient-team"
  models     = ["gpt-4o", "gpt-4o-mini", "gpt-3.5-turbo", "claude-3-haiku"]

  router_settings = {
    fallbacks = [
      {
        model           = "gpt-4o"
        fallback_models = ["gpt-4o-mini", "claude-3-haiku"]
      },
      {
        model           = "gpt-3.5-turbo"
        fallback_models = ["gpt-4o-mini"]
      }
    ]
    context_window_fallbacks = [
      {
        model           = "gpt-3.5-turbo"
        fallback_models = ["gpt-4o"]
      }
    ]
  }
}
