terraform {
  required_providers {
    litellm = {
      source = "BerriAI/litellm"
    }
  }
}

provider "litellm" {}

# The team arguments of LiteLLM's /team/new that the other providers' newer versions add: a soft budget, the
# members' default budget with its duration and key duration, prompts and model aliases.
resource "litellm_team" "members" {
  team_alias                  = "member-defaults"
  max_budget                  = 200
  soft_budget                 = 150
  team_member_budget          = 20
  team_member_budget_duration = "7d"
  team_member_rpm_limit       = 10
  team_member_tpm_limit       = 1000
  team_member_key_duration    = "30d"
  prompts                     = ["support-prompt"]
  model_aliases = {
    smart = "gpt-4o"
  }
}
