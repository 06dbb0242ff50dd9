# A tag with a budget of its own: requests tagged "batch-jobs" share it.
resource "litellm_tag" "batch" {
  name            = "batch-jobs"
  description     = "Nightly batch jobs"
  models          = ["gpt-4o-mini"]
  max_budget      = 200
  budget_duration = "daily"
}

# A tag that uses a shared litellm_budget.
resource "litellm_budget" "experiments" {
  max_budget = 50
}

resource "litellm_tag" "experiments" {
  name      = "experiments"
  budget_id = litellm_budget.experiments.budget_id
}
