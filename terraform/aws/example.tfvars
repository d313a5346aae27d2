# An example environment; copy it and adjust. No secrets belong here: RDS keeps its password in Secrets Manager.
region = "eu-west-1"
name   = "hybrid-llm-prod"

tags = {
  project = "hybrid-llm"
  owner   = "platform"
}

availability_zone_count = 3
api_public_access_cidrs = ["203.0.113.0/24"]

general_node_count = { min = 2, desired = 3, max = 10 }
gpu_instance_types = ["g5.xlarge", "g6.xlarge"]
gpu_node_count     = { min = 2, desired = 4, max = 24 }

db_instance_class = "db.m7g.large"
db_multi_az       = true
