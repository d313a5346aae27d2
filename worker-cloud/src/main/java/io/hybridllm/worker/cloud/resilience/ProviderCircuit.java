package io.hybridllm.worker.cloud.resilience;

import java.time.temporal.ChronoUnit;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.hybridllm.contracts.ControlEvent.CircuitState;
import io.hybridllm.worker.cloud.config.WorkerConfig;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.resilience.Breaker;
import io.hybridllm.worker.core.resilience.RetryPolicy;
import io.smallrye.faulttolerance.api.TypedGuard;

/**
 * One provider's circuit breaker, a SmallRye Fault Tolerance guard built in code because there is one per configured
 * provider. It opens after {@code failure-threshold} provider-side failures in a row (its rolling window is that many
 * calls, all of which must have failed), lets one probe call through after {@code recovery} (half-open), and closes
 * when that call succeeds. Only provider-side failures count: an invalid request, a content filter or a refused key
 * says nothing about the provider's health, and counts as a success.
 */
public final class ProviderCircuit implements Breaker {

    /** Carries a failed result through the guard, so that it counts as a failure; no stack trace needed. */
    private static final class ProviderSideFailure extends Exception {

        private final transient CallResult result;

        ProviderSideFailure(CallResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    private final String provider;
    private final TypedGuard<CallResult> guard;
    private volatile CircuitState state = CircuitState.CLOSED;

    public ProviderCircuit(String provider, WorkerConfig.Circuit config, CircuitEvents events) {
        this.provider = provider;
        events.track(provider, config);
        this.guard = TypedGuard.create(CallResult.class).withDescription("provider " + provider).withCircuitBreaker()
                .requestVolumeThreshold(config.failureThreshold()).failureRatio(1.0)
                .delay(config.recovery().toMillis(), ChronoUnit.MILLIS).successThreshold(1)
                .when(ProviderSideFailure.class::isInstance).onStateChange(changed -> {
                    state = switch (changed) {
                        case CLOSED -> CircuitState.CLOSED;
                        case OPEN -> CircuitState.OPEN;
                        case HALF_OPEN -> CircuitState.HALF_OPEN;
                    };
                    events.changed(provider, state);
                }).onPrevented(() -> events.prevented(provider)).done().build();
    }

    @Override
    public boolean admits() {
        return state != CircuitState.OPEN;
    }

    @Override
    public CallResult call(Call call) throws Prevented, InterruptedException {
        try {
            return guard.call(() -> {
                CallResult result = call.run();
                if (result instanceof CallResult.Failed failed && RetryPolicy.providerSide(failed.error().code())) {
                    throw new ProviderSideFailure(result);
                }
                return result;
            });
        } catch (ProviderSideFailure failure) {
            return failure.result;
        } catch (CircuitBreakerOpenException e) {
            throw new Prevented("the circuit of " + provider + " is "
                    + (state == CircuitState.OPEN ? "open" : "half-open, with its probe call under way"));
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the circuit breaker of " + provider + " failed", e);
        }
    }

    @Override
    public CircuitState state() {
        return state;
    }
}
