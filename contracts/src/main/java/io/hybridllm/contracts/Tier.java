package io.hybridllm.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a request runs: two local tiers next to the GPUs, and the cloud. */
public enum Tier {
    @JsonProperty("local-fast")
    LOCAL_FAST(Topics.TIER_LOCAL_FAST), @JsonProperty("local-quality")
    LOCAL_QUALITY(Topics.TIER_LOCAL_QUALITY), @JsonProperty("cloud")
    CLOUD(Topics.TIER_CLOUD);

    private final String topic;

    Tier(String topic) {
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    public boolean isLocal() {
        return this != CLOUD;
    }

    /** The name used on the wire, in topics and in configuration, e.g. {@code local-fast}. */
    public String wireName() {
        return topic.substring(topic.lastIndexOf('.') + 1);
    }

    /** The tier with this wire name, e.g. from configuration; fails naming the known ones. */
    public static Tier ofWireName(String name) {
        for (Tier tier : values()) {
            if (tier.wireName().equals(name.strip())) {
                return tier;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a tier; known: local-fast, local-quality, cloud");
    }
}
