# Import a tag by its name.
terraform import litellm_tag.batch batch-jobs
