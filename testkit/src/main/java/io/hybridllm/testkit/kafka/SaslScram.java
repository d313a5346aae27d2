package io.hybridllm.testkit.kafka;

import java.util.Map;

/** Client settings for a principal on a broker that authenticates with SASL/SCRAM-SHA-512 (no TLS on localhost). */
public record SaslScram(String username, String password) {

    public static final String MECHANISM = "SCRAM-SHA-512";

    public SaslScram {
        if (username.contains("\"") || password.contains("\"")) {
            throw new IllegalArgumentException("a SASL user name or password must not contain a double quote");
        }
    }

    /** The JAAS line a Kafka client is configured with. */
    public String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + username
                + "\" password=\"" + password + "\";";
    }

    /** The client properties (without the address) for this principal. */
    public Map<String, Object> clientConfig() {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", MECHANISM, "sasl.jaas.config",
                jaasConfig());
    }

    /** The same as environment variables of a service (its application.properties reads them). */
    public Map<String, String> serviceEnvironment() {
        return Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "KAFKA_SASL_MECHANISM", MECHANISM,
                "KAFKA_SASL_JAAS_CONFIG", jaasConfig());
    }

    @Override
    public String toString() {
        return "SaslScram[" + username + ", password hidden]";
    }
}
