package io.hybridllm.worker.core.resilience;

import io.hybridllm.contracts.ControlEvent.CircuitState;
import io.hybridllm.worker.core.CallResult;

/**
 * A backend's circuit breaker. While it is open the backend gets no slots, so requests pass it over at once, without a
 * call; a call that does go ahead runs through {@link #call}, which counts its provider-side failures. The cloud worker
 * gives each provider one (SmallRye Fault Tolerance); local backends have {@link #NONE}.
 */
public interface Breaker {

    /** Always closed. */
    Breaker NONE = new Breaker() {
        @Override
        public boolean admits() {
            return true;
        }

        @Override
        public CallResult call(Call call) throws InterruptedException {
            return call.run();
        }

        @Override
        public CircuitState state() {
            return CircuitState.CLOSED;
        }
    };

    /** Whether a call may start: false while the circuit is open. */
    boolean admits();

    /** Makes the call unless the circuit refuses it (open, or half-open with its probe call under way). */
    CallResult call(Call call) throws Prevented, InterruptedException;

    CircuitState state();

    /** One provider call. */
    @FunctionalInterface
    interface Call {
        CallResult run() throws InterruptedException;
    }

    /** The circuit refused the call: none was made. */
    final class Prevented extends Exception {

        public Prevented(String message) {
            // Control flow, not a fault: no stack trace to fill.
            super(message, null, false, false);
        }
    }
}
