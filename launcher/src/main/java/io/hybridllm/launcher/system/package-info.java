/**
 * The system runner behind {@code hybrid up}: an embedded Kafka broker and PostgreSQL server in this JVM, optional
 * provider simulators, and the five services as supervised processes started from their built applications, each
 * started again when it exits ({@link io.hybridllm.launcher.system.RestartPolicy}). On close it stops the services
 * first, then the infrastructure. Also the Kafka settings other commands connect with, and {@code config check}.
 */
package io.hybridllm.launcher.system;
