package io.hybridllm.launcher.system;

import io.hybridllm.contracts.KafkaAccess;

/** The five services as the launcher runs them: their module, default HTTP port and database, if any. */
public enum Service {
    INGEST("ingest-service", 8080, "ingest"), ROUTER("router-service", 8081, null),
    WORKER_LOCAL("worker-local", 8082, null), WORKER_CLOUD("worker-cloud", 8083, "credentials"),
    COST("cost-service", 8084, "cost");

    private final String module;
    private final int defaultPort;
    private final String database;

    Service(String module, int defaultPort, String database) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The service's own database on the shared server, or null when it keeps no state. */
    public String database() {
        return database;
    }

    /** The principal it connects to Kafka as; replicas of a service share it. */
    public KafkaAccess.Service kafkaAccess() {
        return switch (this) {
            case INGEST -> KafkaAccess.Service.INGEST;
            case ROUTER -> KafkaAccess.Service.ROUTER;
            case WORKER_LOCAL -> KafkaAccess.Service.WORKER_LOCAL;
            case WORKER_CLOUD -> KafkaAccess.Service.WORKER_CLOUD;
            case COST -> KafkaAccess.Service.COST;
        };
    }
}
