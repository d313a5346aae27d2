package io.hybridllm.router.cache;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hybridllm.contracts.Channels;

/** Reads {@link io.hybridllm.contracts.Topics#CACHE} for the {@link CacheFollower}, which knows nothing of Kafka. */
@ApplicationScoped
public class CacheTopic {

    private final CacheFollower follower;

    public CacheTopic(CacheFollower follower) {
        this.follower = follower;
    }

    @Incoming(Channels.CACHE)
    public void onEntry(ConsumerRecord<String, String> record) {
        follower.apply(record.key(), record.value(), "partition " + record.partition() + " offset " + record.offset());
    }
}
