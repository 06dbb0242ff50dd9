# Import a user by its LiteLLM user_id.
terraform import litellm_user.example 2b5f4c1e-8d3a-4f6b-9c7e-1a2b3c4d5e6f

# Or by its email: an ID containing "@" is looked up as an exact email
# (case-insensitive); it must match exactly one user.
terraform import litellm_user.example alice@example.com
