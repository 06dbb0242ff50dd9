# Import a deployment by its model ID (model_info.id).
terraform import litellm_model.gpt4o 0c9e5a3f-6f1e-4b0e-9d61-2f4f8c2b7a11

# Add the configured model_api_key_version after a comma when the deployment already holds that key:
# the plan after the import shows no changes (LiteLLM never shows the key, so this is your word for it).
terraform import litellm_model.gpt4o 0c9e5a3f-6f1e-4b0e-9d61-2f4f8c2b7a11,1
