#!/bin/bash
# Generated from io.hybridllm.contracts.KafkaAccess by launcher's KafkaAccessManifests: do not edit by hand
# (KafkaAccessManifestsTest fails when this file and the code disagree).
# One-shot for docker-compose.yml, run in the apache/kafka image as the broker's administrator (PLAIN,
# HYBRID_KAFKA_ADMIN_PASSWORD): a SCRAM-SHA-512 credential per service, with the password .env gives it,
# and exactly the ACLs KafkaAccess grants (reply topics under the default prefix "replies.").
# Re-running sets the same passwords again and adds nothing twice.
set -euo pipefail
bootstrap="${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"
admin=/tmp/kafka-admin.properties
printf '%s\n' 'security.protocol=SASL_PLAINTEXT' 'sasl.mechanism=PLAIN' \
  "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"${HYBRID_KAFKA_ADMIN_PASSWORD:?set HYBRID_KAFKA_ADMIN_PASSWORD in .env}\";" \
  > "$admin"

user() { # principal password
  /opt/kafka/bin/kafka-configs.sh --bootstrap-server "$bootstrap" --command-config "$admin" --alter \
    --add-config "SCRAM-SHA-512=[iterations=4096,password=$2]" --entity-type users --entity-name "$1"
}

allow() { # principal operation resource-type name pattern-type
  /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$bootstrap" --command-config "$admin" --add \
    --allow-principal "User:$1" --operation "$2" "--$3" "$4" --resource-pattern-type "$5"
}

user ingest "${KAFKA_PASSWORD_INGEST:?set KAFKA_PASSWORD_INGEST in .env}"
allow ingest Read topic 'requests.' prefixed
allow ingest Read topic 'llm.requests' literal
allow ingest Read topic 'llm.replies' literal
allow ingest Read topic 'llm.tier.local-fast' literal
allow ingest Read topic 'llm.tier.local-quality' literal
allow ingest Read topic 'llm.tier.cloud' literal
allow ingest Read topic 'llm.progress' literal
allow ingest Read topic 'llm.stream' literal
allow ingest Read topic 'feedback.' prefixed
allow ingest Write topic 'llm.requests' literal
allow ingest Write topic 'llm.cancellations' literal
allow ingest Write topic 'llm.audit' literal
allow ingest Write topic 'llm.tenant-keys' literal
allow ingest Write topic 'llm.outcomes' literal
allow ingest Write topic 'llm.replies.dlq' literal
allow ingest Write topic 'llm.outcomes.dlq' literal
allow ingest Read group 'ingest-' prefixed

user router "${KAFKA_PASSWORD_ROUTER:?set KAFKA_PASSWORD_ROUTER in .env}"
allow router Read topic 'requests.' prefixed
allow router Read topic 'llm.requests' literal
allow router Read topic 'llm.control.policy' literal
allow router Read topic 'llm.control.modes' literal
allow router Read topic 'llm.control.health' literal
allow router Read topic 'llm.cache' literal
allow router Read topic 'llm.outcomes' literal
allow router Write topic 'llm.tier.local-fast' literal
allow router Write topic 'llm.tier.local-quality' literal
allow router Write topic 'llm.tier.cloud' literal
allow router Write topic 'llm.replies' literal
allow router Write topic 'llm.usage' literal
allow router Write topic 'llm.control.policy' literal
allow router Write topic 'llm.audit' literal
allow router Write topic 'llm.requests.dlq' literal
allow router Write topic 'llm.outcomes.dlq' literal
allow router Write topic 'replies.' prefixed
allow router Create topic 'replies.' prefixed
allow router Read group 'router' prefixed

user worker-local "${KAFKA_PASSWORD_WORKER_LOCAL:?set KAFKA_PASSWORD_WORKER_LOCAL in .env}"
allow worker-local Read topic 'llm.tier.local-fast' literal
allow worker-local Read topic 'llm.tier.local-quality' literal
allow worker-local Read topic 'llm.cancellations' literal
allow worker-local Read topic 'llm.control.policy' literal
allow worker-local Read topic 'llm.control.modes' literal
allow worker-local Write topic 'llm.replies' literal
allow worker-local Write topic 'llm.progress' literal
allow worker-local Write topic 'llm.stream' literal
allow worker-local Write topic 'llm.usage' literal
allow worker-local Write topic 'llm.tier.local-quality' literal
allow worker-local Write topic 'llm.tier.cloud' literal
allow worker-local Write topic 'llm.control.health' literal
allow worker-local Write topic 'llm.cache' literal
allow worker-local Write topic 'llm.outcomes' literal
allow worker-local Write topic 'llm.tier.local-fast.dlq' literal
allow worker-local Write topic 'llm.tier.local-quality.dlq' literal
allow worker-local Write topic 'replies.' prefixed
allow worker-local Create topic 'replies.' prefixed
allow worker-local Read group 'worker-local' prefixed

user worker-cloud "${KAFKA_PASSWORD_WORKER_CLOUD:?set KAFKA_PASSWORD_WORKER_CLOUD in .env}"
allow worker-cloud Read topic 'llm.tier.cloud' literal
allow worker-cloud Read topic 'llm.cancellations' literal
allow worker-cloud Read topic 'llm.control.policy' literal
allow worker-cloud Read topic 'llm.control.modes' literal
allow worker-cloud Write topic 'llm.replies' literal
allow worker-cloud Write topic 'llm.progress' literal
allow worker-cloud Write topic 'llm.stream' literal
allow worker-cloud Write topic 'llm.usage' literal
allow worker-cloud Write topic 'llm.tier.local-quality' literal
allow worker-cloud Write topic 'llm.control.health' literal
allow worker-cloud Write topic 'llm.cache' literal
allow worker-cloud Write topic 'llm.outcomes' literal
allow worker-cloud Write topic 'llm.audit' literal
allow worker-cloud Write topic 'llm.tier.cloud.dlq' literal
allow worker-cloud Write topic 'replies.' prefixed
allow worker-cloud Create topic 'replies.' prefixed
allow worker-cloud Read group 'worker-cloud' prefixed

user cost-service "${KAFKA_PASSWORD_COST_SERVICE:?set KAFKA_PASSWORD_COST_SERVICE in .env}"
allow cost-service Read topic 'llm.usage' literal
allow cost-service Read topic 'llm.replies' literal
allow cost-service Read topic 'llm.control.policy' literal
allow cost-service Read topic 'llm.control.health' literal
allow cost-service Read topic 'llm.tenant-keys' literal
allow cost-service Write topic 'llm.alerts' literal
allow cost-service Write topic 'llm.alerts.everyone' literal
allow cost-service Write topic 'llm.control.modes' literal
allow cost-service Write topic 'llm.audit' literal
allow cost-service Write topic 'llm.usage.dlq' literal
allow cost-service Write topic 'llm.alerts.tenant.' prefixed
allow cost-service Create topic 'llm.alerts.tenant.' prefixed
allow cost-service Read group 'cost-service' prefixed

user lag-reader "${KAFKA_PASSWORD_LAG_READER:?set KAFKA_PASSWORD_LAG_READER in .env}"
allow lag-reader Describe topic '*' literal
allow lag-reader Describe group '*' literal
