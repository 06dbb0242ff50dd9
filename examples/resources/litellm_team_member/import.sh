# Import a membership as team_id:user_id.
terraform import litellm_team_member.dev_membership 8d916b1c-510d-4894-a334-1c16a93344f5:2b5f4c1e-8d3a-4f6b-9c7e-1a2b3c4d5e6f
