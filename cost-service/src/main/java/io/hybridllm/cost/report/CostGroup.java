package io.hybridllm.cost.report;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The counters of one group, written flat: {@code {"provider":"openai","model":"gpt-4o-mini","calls":3,...}}. The key
 * holds one entry per grouping dimension, in the order they were asked for.
 */
public record CostGroup(@JsonAnyGetter Map<String, String> key, @JsonUnwrapped Counters counters) {
}
