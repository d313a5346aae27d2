output "cluster_name" {
  value = module.hybrid_llm.cluster_name
}

output "db_address" {
  description = "DB_HOST in deploy/kubernetes/overlays/prod/database.env"
  value       = module.hybrid_llm.db_address
}

output "db_master_user_secret_arn" {
  value = module.hybrid_llm.db_master_user_secret_arn
}
