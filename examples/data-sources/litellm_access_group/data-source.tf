resource "litellm_model" "mini" {
  model_name          = "gpt-4o-mini"
  custom_llm_provider = "openai"
  base_model          = "gpt-4o-mini"
}

resource "litellm_access_group" "cheap" {
  access_group = "cheap"
  model_ids    = [litellm_model.mini.id]
}

# Read an access group by name.
data "litellm_access_group" "cheap" {
  access_group = litellm_access_group.cheap.access_group
}

output "cheap_models" {
  value = data.litellm_access_group.cheap.model_names
}
