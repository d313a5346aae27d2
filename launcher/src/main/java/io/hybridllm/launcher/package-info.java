/**
 * The {@code hybrid} command. {@code up} runs the whole system on one machine: an embedded Kafka broker and PostgreSQL
 * server in this JVM (the launcher owns them), optional provider simulators, and the five services as separate
 * processes started from their built applications. On Ctrl-C it stops the services first, then the infrastructure.
 */
package io.hybridllm.launcher;
