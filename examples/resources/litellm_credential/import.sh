# Import a credential by its name.
terraform import litellm_credential.openai openai-prod

# Add the configured credential_values_version after a comma when LiteLLM already holds those values:
# the plan after the import shows no changes (LiteLLM never shows them, so this is your word for it).
terraform import litellm_credential.openai openai-prod,1
