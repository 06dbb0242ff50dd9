# Import an access group by its name.
terraform import litellm_access_group.general general
