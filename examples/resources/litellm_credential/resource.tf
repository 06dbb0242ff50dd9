variable "openai_api_key" {
  type      = string
  sensitive = true
  default   = "sk-example-upstream-key"
}

# Upstream secrets stored once and shared by several models. credential_values
# is write-only (Terraform 1.11+): it never appears in plan or state. Change
# credential_values_version to send new values.
resource "litellm_credential" "openai" {
  credential_name = "openai-prod"
  credential_info = {
    custom_llm_provider = "openai"
  }
  credential_values = {
    api_key  = var.openai_api_key
    api_base = "https://api.openai.com/v1"
  }
  credential_values_version = "1"
}
