package io.hybridllm.runtime;

import java.util.Map;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.smallrye.common.annotation.Identifier;

/** One {@link TopicMaker} per service, with the service's own Kafka settings and principal. */
public class TopicMakerProducer {

    @Produces
    @Singleton
    TopicMaker topicMaker(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        return new TopicMaker(kafka);
    }

    void close(@Disposes TopicMaker maker) {
        maker.close();
    }
}
