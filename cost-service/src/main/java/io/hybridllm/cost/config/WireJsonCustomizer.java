package io.hybridllm.cost.config;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hybridllm.contracts.json.Json;
import io.quarkus.jackson.ObjectMapperCustomizer;

/** HTTP answers follow the same conventions as the messages on Kafka: snake_case, lower-case enums, ISO instants. */
@Singleton
public class WireJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        Json.configure(mapper);
    }
}
