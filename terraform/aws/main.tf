# hybrid-llm on AWS: networking, EKS with general, Kafka and GPU node groups, RDS PostgreSQL, IAM. Kafka itself runs on
# the kafka nodes through Strimzi (deploy/kubernetes), not as MSK: the same operator, topics and exporter as on any
# other cluster, and KEDA reads its lag without IAM authentication.
#   terraform -chdir=terraform/aws init
#   terraform -chdir=terraform/aws apply -var-file=example.tfvars

terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.70, < 7.0"
    }
  }
}

provider "aws" {
  region = var.region
}

module "hybrid_llm" {
  source = "../modules/hybrid-llm-aws"

  name                    = var.name
  tags                    = var.tags
  availability_zone_count = var.availability_zone_count
  api_public_access_cidrs = var.api_public_access_cidrs
  general_node_count      = var.general_node_count
  gpu_instance_types      = var.gpu_instance_types
  gpu_node_count          = var.gpu_node_count
  db_instance_class       = var.db_instance_class
  db_multi_az             = var.db_multi_az
}
