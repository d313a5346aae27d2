/**
 * The messages every hybrid-llm service exchanges over Kafka, as immutable records with a schema version, plus the one
 * place that names topics and channels. Records validate themselves on construction, so a message that exists is a
 * message that is well-formed; {@link io.hybridllm.contracts.json.Json} turns a violation into a precise reason.
 */
package io.hybridllm.contracts;
