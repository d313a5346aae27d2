# EKS with three node groups: general (services, operators), kafka (Strimzi brokers) and gpu (the local worker pools,
# each pod with one GPU and its Ollama sidecar). The gpu group's label and taint are the ones the worker-local
# Deployments select and tolerate (deploy/kubernetes/base/worker-local.yaml).

resource "aws_eks_cluster" "this" {
  name     = var.name
  version  = var.kubernetes_version
  role_arn = aws_iam_role.cluster.arn
  tags     = local.tags

  access_config {
    authentication_mode                         = "API"
    bootstrap_cluster_creator_admin_permissions = true
  }

  vpc_config {
    subnet_ids              = aws_subnet.private[*].id
    endpoint_private_access = true
    endpoint_public_access  = length(var.api_public_access_cidrs) > 0
    public_access_cidrs     = length(var.api_public_access_cidrs) > 0 ? var.api_public_access_cidrs : null
  }

  depends_on = [aws_iam_role_policy_attachment.cluster]
}

resource "aws_eks_node_group" "general" {
  cluster_name    = aws_eks_cluster.this.name
  node_group_name = "general"
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = aws_subnet.private[*].id
  instance_types  = var.general_instance_types
  ami_type        = "AL2023_x86_64_STANDARD"
  tags            = local.tags

  scaling_config {
    min_size     = var.general_node_count.min
    desired_size = var.general_node_count.desired
    max_size     = var.general_node_count.max
  }

  labels = {
    "hybrid-llm.io/pool" = "general"
  }

  lifecycle {
    # The cluster autoscaler (or Karpenter) moves the desired size; a re-apply must not undo it.
    ignore_changes = [scaling_config[0].desired_size]
  }

  depends_on = [aws_iam_role_policy_attachment.node]
}

resource "aws_eks_node_group" "kafka" {
  cluster_name    = aws_eks_cluster.this.name
  node_group_name = "kafka"
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = aws_subnet.private[*].id
  instance_types  = var.kafka_instance_types
  ami_type        = "AL2023_x86_64_STANDARD"
  tags            = local.tags

  scaling_config {
    min_size     = var.kafka_node_count
    desired_size = var.kafka_node_count
    max_size     = var.kafka_node_count
  }

  labels = {
    "hybrid-llm.io/pool" = "kafka"
  }

  depends_on = [aws_iam_role_policy_attachment.node]
}

resource "aws_eks_node_group" "gpu" {
  cluster_name    = aws_eks_cluster.this.name
  node_group_name = "gpu"
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = aws_subnet.private[*].id
  instance_types  = var.gpu_instance_types
  # The EKS-optimised AMI with the NVIDIA driver and container toolkit; the NVIDIA device plugin advertises
  # nvidia.com/gpu to the scheduler.
  ami_type  = "AL2023_x86_64_NVIDIA"
  disk_size = var.gpu_disk_size_gb
  tags      = local.tags

  scaling_config {
    min_size     = var.gpu_node_count.min
    desired_size = var.gpu_node_count.desired
    max_size     = var.gpu_node_count.max
  }

  labels = {
    "hybrid-llm.io/pool" = "gpu"
  }

  # Only pods that tolerate it (the local worker pools) land on the expensive nodes.
  taint {
    key    = "nvidia.com/gpu"
    value  = "true"
    effect = "NO_SCHEDULE"
  }

  lifecycle {
    ignore_changes = [scaling_config[0].desired_size]
  }

  depends_on = [aws_iam_role_policy_attachment.node]
}

resource "aws_eks_addon" "this" {
  for_each     = toset(["vpc-cni", "coredns", "kube-proxy", "aws-ebs-csi-driver"])
  cluster_name = aws_eks_cluster.this.name
  addon_name   = each.value
  tags         = local.tags

  depends_on = [aws_eks_node_group.general]
}
