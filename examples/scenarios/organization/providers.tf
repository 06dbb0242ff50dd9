terraform {
  required_providers {
    litellm = {
      source = "litellm-tf/litellm"
    }
  }
}

# Reads LITELLM_API_BASE and LITELLM_API_KEY (the master key) from the environment.
provider "litellm" {}
