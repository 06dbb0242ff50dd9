# Every deployment whose public name contains "gpt", across all pages.
data "litellm_models" "gpt" {
  search = "gpt"
}

output "gpt_deployments" {
  value = { for m in data.litellm_models.gpt.models : m.model_id => m.model }
}
