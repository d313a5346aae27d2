variable "name" {
  description = "Prefix of every resource's name, and the EKS cluster's name."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

# --- network -------------------------------------------------------------------------------------------------------

variable "vpc_cidr" {
  description = "Address range of the VPC; split into one public and one private subnet per availability zone."
  type        = string
  default     = "10.40.0.0/16"
}

variable "availability_zone_count" {
  description = "Availability zones to spread subnets, nodes and the database over (at least 2 for EKS and RDS)."
  type        = number
  default     = 3

  validation {
    condition     = var.availability_zone_count >= 2
    error_message = "EKS and a Multi-AZ database need at least two availability zones."
  }
}

# --- EKS -----------------------------------------------------------------------------------------------------------

variable "kubernetes_version" {
  description = "EKS version; 1.29 or newer, because Ollama runs as a native sidecar."
  type        = string
  default     = "1.33"
}

variable "api_public_access_cidrs" {
  description = "Who may reach the Kubernetes API from the internet; an empty list keeps it private to the VPC."
  type        = list(string)
  default     = []
}

variable "general_instance_types" {
  description = "Nodes for ingest, router, cost, worker-cloud and the operators."
  type        = list(string)
  default     = ["m7i.xlarge"]
}

variable "general_node_count" {
  description = "Minimum, desired and maximum general nodes."
  type        = object({ min = number, desired = number, max = number })
  default     = { min = 2, desired = 3, max = 10 }
}

variable "kafka_instance_types" {
  description = "Nodes for the Strimzi Kafka pool (labelled hybrid-llm.io/pool=kafka)."
  type        = list(string)
  default     = ["r7i.large"]
}

variable "kafka_node_count" {
  description = "Kafka nodes: 3, one per availability zone, for replication factor 3 with min.insync.replicas 2."
  type        = number
  default     = 3
}

variable "gpu_instance_types" {
  description = "GPU nodes for the local worker pools: one GPU per worker pod (a g5.xlarge has one A10G)."
  type        = list(string)
  default     = ["g5.xlarge"]
}

variable "gpu_node_count" {
  description = "Minimum, desired and maximum GPU nodes; the maximum bounds what KEDA can scale the local pools to."
  type        = object({ min = number, desired = number, max = number })
  default     = { min = 2, desired = 4, max = 24 }
}

variable "gpu_disk_size_gb" {
  description = "Root disk of a GPU node: container images and pulled models."
  type        = number
  default     = 200
}

# --- PostgreSQL (RDS) ------------------------------------------------------------------------------------------------

variable "db_instance_class" {
  description = "RDS instance class for the ingest and cost databases."
  type        = string
  default     = "db.m7g.large"
}

variable "db_allocated_storage_gb" {
  description = "Initial storage; it grows by itself up to db_max_allocated_storage_gb."
  type        = number
  default     = 50
}

variable "db_max_allocated_storage_gb" {
  description = "Upper bound of storage autoscaling."
  type        = number
  default     = 500
}

variable "db_multi_az" {
  description = "A standby in another zone: failover in about a minute instead of a restore."
  type        = bool
  default     = true
}

variable "db_backup_retention_days" {
  description = "Days of automated backups (point-in-time recovery)."
  type        = number
  default     = 14
}

variable "db_deletion_protection" {
  description = "Refuse to delete the database; turn off only to tear an environment down."
  type        = bool
  default     = true
}
