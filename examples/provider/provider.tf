terraform {
  required_providers {
    litellm = {
      source = "litellm-tf/litellm"
    }
  }
}

# Every argument is optional in HCL: each one falls back to an environment
# variable, so a CI job can simply export LITELLM_API_BASE and LITELLM_API_KEY
# and use an empty `provider "litellm" {}` block.
provider "litellm" {
  api_base = var.litellm_api_base # or LITELLM_API_BASE
  api_key  = var.litellm_api_key  # or LITELLM_API_KEY; the proxy's master key

  # request_timeout      = 30    # seconds per request (LITELLM_REQUEST_TIMEOUT)
  # max_retries          = 4     # retries of 429/502/503/504 and connection errors (LITELLM_MAX_RETRIES)
  # ca_cert_file         = "/etc/ssl/litellm-ca.pem" # extra CAs for an https api_base (LITELLM_CA_CERT_FILE)
  # insecure_skip_verify = false # testing only (LITELLM_INSECURE_SKIP_VERIFY)
}

variable "litellm_api_base" {
  type        = string
  description = "URL of the LiteLLM proxy, for example https://litellm.example.com."
}

variable "litellm_api_key" {
  type        = string
  description = "The LiteLLM master key."
  sensitive   = true
}
