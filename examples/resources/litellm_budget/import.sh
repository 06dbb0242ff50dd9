# Import a budget by its budget_id.
terraform import litellm_budget.interns interns-monthly
