/**
 * What every worker does the same way, whatever model server it calls: read a routed request, refuse it without a call
 * when it cannot be served (expired, another provider's target, no credentials), call its
 * {@link io.hybridllm.worker.core.ModelBackend}, publish the reply and the usage event, and acknowledge the record only
 * once Kafka has them. A library, not a service: workers depend on it, it depends on no service.
 */
package io.hybridllm.worker.core;
