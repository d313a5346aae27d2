package io.hybridllm.ingest.config;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hybridllm.contracts.json.Json;
import io.quarkus.jackson.ObjectMapperCustomizer;

/** HTTP answers use the same JSON conventions as the messages on Kafka. */
@Singleton
public class WireFormatCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        Json.configure(mapper);
    }
}
