resource "litellm_model" "embeddings" {
  model_name          = "text-embedding-3-small"
  custom_llm_provider = "openai"
  base_model          = "text-embedding-3-small"
  mode                = "embedding"
}

# Look a deployment up by its public name (exactly one must have it)...
data "litellm_model" "by_name" {
  model_name = litellm_model.embeddings.model_name
}

# ...or by its model ID.
data "litellm_model" "by_id" {
  model_id = litellm_model.embeddings.id
}

output "embeddings_mode" {
  value = data.litellm_model.by_name.mode
}
