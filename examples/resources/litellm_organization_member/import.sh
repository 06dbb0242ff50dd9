# Import a membership as organization_id:user_id.
terraform import litellm_organization_member.analyst 5f0f3c3e-6f1c-4f5e-9d61-0c7c1f6b2a10:analyst-user-id
