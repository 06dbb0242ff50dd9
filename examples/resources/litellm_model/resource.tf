variable "azure_api_key" {
  type      = string
  sensitive = true
  default   = "example-azure-key"
}

# A deployment with its own upstream key. model_api_key is write-only
# (Terraform 1.11+): it never appears in plan or state. Change
# model_api_key_version to send a new key.
resource "litellm_model" "gpt4o" {
  model_name            = "gpt-4o"
  custom_llm_provider   = "azure"
  base_model            = "gpt-4o"
  model_api_base        = "https://example.openai.azure.com"
  api_version           = "2024-10-21"
  model_api_key         = var.azure_api_key
  model_api_key_version = "1"
  tpm                   = 200000
  rpm                   = 1000
  mode                  = "chat"
  access_groups         = ["general"]
}

# A deployment that takes its secrets from a litellm_credential.
resource "litellm_credential" "openai" {
  credential_name   = "openai-shared"
  credential_info   = { custom_llm_provider = "openai" }
  credential_values = { api_key = "sk-example-openai-key" }
}

resource "litellm_model" "mini" {
  model_name              = "gpt-4o-mini"
  custom_llm_provider     = "openai"
  base_model              = "gpt-4o-mini"
  litellm_credential_name = litellm_credential.openai.credential_name
}
