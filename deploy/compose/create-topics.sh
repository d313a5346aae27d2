#!/bin/bash
# One-shot topic creation for docker-compose.yml, run in the apache/kafka image. The list mirrors
# io.hybridllm.contracts.Topics.ALL (names, partitions, retention); ComposeFileTest fails when they drift.
# Existing topics are kept: re-running after a restart changes nothing.
set -euo pipefail
bootstrap="${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"
# As the broker's administrator (PLAIN), the only principal that may create topics.
admin=/tmp/kafka-admin-topics.properties
printf '%s\n' 'security.protocol=SASL_PLAINTEXT' 'sasl.mechanism=PLAIN' \
  "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"${HYBRID_KAFKA_ADMIN_PASSWORD:?set HYBRID_KAFKA_ADMIN_PASSWORD}\";" \
  > "$admin"

topic() { # name partitions config
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --command-config "$admin" --create --if-not-exists \
    --topic "$1" --partitions "$2" --replication-factor 1 --config "$3"
}

topic llm.requests 12 retention.ms=604800000
topic llm.tier.local-fast 24 retention.ms=604800000
topic llm.tier.local-quality 24 retention.ms=604800000
topic llm.tier.cloud 24 retention.ms=604800000
topic llm.replies 12 retention.ms=604800000
topic llm.usage 12 retention.ms=2419200000
topic llm.control.policy 1 cleanup.policy=compact
topic llm.control.modes 1 cleanup.policy=compact
topic llm.control.health 1 cleanup.policy=compact
topic llm.alerts 3 retention.ms=2419200000
topic llm.alerts.everyone 1 retention.ms=2419200000
topic llm.audit 1 retention.ms=31536000000
topic llm.cancellations 12 cleanup.policy=compact
topic llm.tenant-keys 1 cleanup.policy=compact
topic llm.cache 12 cleanup.policy=compact
topic llm.outcomes 12 retention.ms=2419200000
topic llm.progress 12 retention.ms=86400000
topic llm.stream 12 retention.ms=3600000
topic llm.requests.dlq 1 retention.ms=2419200000
topic llm.tier.local-fast.dlq 1 retention.ms=2419200000
topic llm.tier.local-quality.dlq 1 retention.ms=2419200000
topic llm.tier.cloud.dlq 1 retention.ms=2419200000
topic llm.replies.dlq 1 retention.ms=2419200000
topic llm.usage.dlq 1 retention.ms=2419200000
topic llm.outcomes.dlq 1 retention.ms=2419200000
