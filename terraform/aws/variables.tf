variable "region" {
  description = "AWS region; it must offer the GPU instance types."
  type        = string
}

variable "name" {
  description = "Environment name: prefix of every resource and the EKS cluster's name."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

variable "availability_zone_count" {
  description = "Availability zones to use."
  type        = number
  default     = 3
}

variable "api_public_access_cidrs" {
  description = "Who may reach the Kubernetes API from the internet; empty keeps it private."
  type        = list(string)
  default     = []
}

variable "general_node_count" {
  description = "Minimum, desired and maximum general nodes."
  type        = object({ min = number, desired = number, max = number })
  default     = { min = 2, desired = 3, max = 10 }
}

variable "gpu_instance_types" {
  description = "GPU instance types for the local worker pools."
  type        = list(string)
  default     = ["g5.xlarge"]
}

variable "gpu_node_count" {
  description = "Minimum, desired and maximum GPU nodes."
  type        = object({ min = number, desired = number, max = number })
  default     = { min = 2, desired = 4, max = 24 }
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.m7g.large"
}

variable "db_multi_az" {
  description = "A standby database in another zone."
  type        = bool
  default     = true
}
