# Import a deployment by its model ID (model_info.id).
terraform import litellm_model.gpt4o 0c9e5a3f-6f1e-4b0e-9d61-2f4f8c2b7a11
