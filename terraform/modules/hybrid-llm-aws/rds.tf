# PostgreSQL 17 as a managed server: ingest and cost each get a database on it (created once, docs/operations.md).
# The master password is generated and kept in Secrets Manager by RDS, never in the Terraform state.

resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = aws_subnet.private[*].id
  tags       = local.tags
}

resource "aws_security_group" "db" {
  name        = "${var.name}-db"
  description = "PostgreSQL from the EKS cluster only"
  vpc_id      = aws_vpc.this.id
  tags        = local.tags

  ingress {
    description     = "PostgreSQL from the cluster's nodes and pods"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_eks_cluster.this.vpc_config[0].cluster_security_group_id]
  }
}

resource "aws_db_parameter_group" "this" {
  name   = "${var.name}-postgres17"
  family = "postgres17"
  tags   = local.tags

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

resource "aws_db_instance" "this" {
  identifier                  = var.name
  engine                      = "postgres"
  engine_version              = "17"
  instance_class              = var.db_instance_class
  allocated_storage           = var.db_allocated_storage_gb
  max_allocated_storage       = var.db_max_allocated_storage_gb
  storage_type                = "gp3"
  storage_encrypted           = true
  username                    = "hybrid_admin"
  manage_master_user_password = true
  db_subnet_group_name        = aws_db_subnet_group.this.name
  vpc_security_group_ids      = [aws_security_group.db.id]
  parameter_group_name        = aws_db_parameter_group.this.name
  multi_az                    = var.db_multi_az
  backup_retention_period     = var.db_backup_retention_days
  deletion_protection         = var.db_deletion_protection
  auto_minor_version_upgrade  = true
  skip_final_snapshot         = false
  final_snapshot_identifier   = "${var.name}-final"
  tags                        = local.tags
}
