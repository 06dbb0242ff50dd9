# Import a team by its LiteLLM team_id.
terraform import litellm_team.backend 8d916b1c-510d-4894-a334-1c16a93344f5
