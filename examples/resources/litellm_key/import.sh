# Import a key by its token (the SHA-256 hash of the secret, its ID)...
terraform import litellm_key.ml_service 3f2a9c0e5b7d41e8a6c4f1d2b3e5a7c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f

# ...or by its alias. The secret itself cannot be read back.
terraform import litellm_key.ml_service ml-service
