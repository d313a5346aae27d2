package io.hybridllm.worker.core;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.contracts.ReplyTopics;
import io.quarkus.runtime.Startup;

/** The reply-topic rule of {@link ReplyTopics}, with its prefix from configuration; a refused prefix stops startup. */
public class ReplyTopicRule {

    @Produces
    @Singleton
    @Startup
    ReplyTopics replyTopics(
            @ConfigProperty(name = ReplyTopics.PREFIX_KEY, defaultValue = ReplyTopics.DEFAULT_PREFIX) String prefix) {
        return new ReplyTopics(prefix);
    }
}
