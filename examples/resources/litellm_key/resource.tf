resource "litellm_team" "ml" {
  team_alias = "ml-team"
}

# A team key with a budget, rate limits and per-model limits.
resource "litellm_key" "ml_service" {
  key_alias             = "ml-service"
  team_id               = litellm_team.ml.team_id
  models                = ["gpt-4o", "gpt-4o-mini"]
  max_budget            = 50
  budget_duration       = "30d"
  tpm_limit             = 100000
  rpm_limit             = 600
  max_parallel_requests = 8
  model_rpm_limit       = { "gpt-4o" = 100 }
  metadata              = jsonencode({ owner = "ml-platform" })
  allowed_routes        = ["/chat/completions", "/embeddings"]
  duration              = "90d"

  # Change this to get a new secret. Without an enterprise licence the key is
  # replaced; with one, set rotation_in_place = true to regenerate it in place.
  rotation = "2026-q1"
}

output "ml_service_key" {
  value     = litellm_key.ml_service.key
  sensitive = true
}
