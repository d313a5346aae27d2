output "cluster_name" {
  description = "aws eks update-kubeconfig --name <this>"
  value       = aws_eks_cluster.this.name
}

output "cluster_endpoint" {
  value = aws_eks_cluster.this.endpoint
}

output "db_address" {
  description = "DB_HOST in deploy/kubernetes/overlays/prod/database.env"
  value       = aws_db_instance.this.address
}

output "db_port" {
  value = aws_db_instance.this.port
}

output "db_master_user_secret_arn" {
  description = "Secrets Manager secret with the master user's password, to create the hybrid role and databases"
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}

output "gpu_node_label" {
  description = "The label the worker-local Deployments select"
  value       = aws_eks_node_group.gpu.labels
}
