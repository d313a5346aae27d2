/**
 * Real infrastructure for tests and for the one-command local run, without Docker: a KRaft Kafka broker and a
 * PostgreSQL server started from Maven Central artifacts, Quarkus test resources over them, and simulators that speak
 * the providers' wire formats. {@link io.hybridllm.testkit.Infrastructure} starts each once per JVM.
 */
package io.hybridllm.testkit;
