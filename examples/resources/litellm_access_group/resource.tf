resource "litellm_model" "gpt4o_eu" {
  model_name          = "gpt-4o"
  custom_llm_provider = "azure"
  base_model          = "gpt-4o"
  model_api_base      = "https://example-eu.openai.azure.com"
}

resource "litellm_model" "gpt4o_us" {
  model_name          = "gpt-4o"
  custom_llm_provider = "azure"
  base_model          = "gpt-4o"
  model_api_base      = "https://example-us.openai.azure.com"
}

resource "litellm_model" "mini" {
  model_name          = "gpt-4o-mini"
  custom_llm_provider = "openai"
  base_model          = "gpt-4o-mini"
}

# Every deployment of these model names: both gpt-4o deployments and the mini.
resource "litellm_access_group" "general" {
  access_group = "general"
  model_names  = [litellm_model.gpt4o_eu.model_name, litellm_model.mini.model_name]
}

# Only the EU deployment. A replaced deployment updates the group.
resource "litellm_access_group" "eu_only" {
  access_group = "eu-only"
  model_ids    = [litellm_model.gpt4o_eu.id]
}

# Keys (and teams) get a group by putting its name in models.
resource "litellm_key" "eu_service" {
  key_alias = "eu-service"
  models    = [litellm_access_group.eu_only.access_group]
}
