# Import a credential by its name.
terraform import litellm_credential.openai openai-prod
