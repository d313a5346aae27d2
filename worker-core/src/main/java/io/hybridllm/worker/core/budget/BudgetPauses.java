package io.hybridllm.worker.core.budget;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;

/**
 * The budget pauses this worker has seen on {@code llm.control}: the latest {@code mode_switch} per scope
 * ({@code global}, {@code tenant:<id>}), as the cost service publishes them. The last place a paid call can be stopped
 * is the worker about to make it, so every paid call asks {@link #refusal(String)} first: a request routed before its
 * scope was paused (already on the cloud tier's topic, or escalating there) is refused rather than paid for. Until the
 * worker has read the topic up to where it stood at startup it does not know the pauses, and waits for that (up to
 * {@code hybrid.worker.budget.catch-up-wait}) before any paid call; it refuses the call when it still does not know.
 * The map holds one entry per scope the cost service ever switched: bounded by the scopes with budgets.
 */
@ApplicationScoped
public class BudgetPauses {

    public static final String GLOBAL = "global";

    private final Map<String, ControlEvent.ModeSwitch> latest = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Duration catchUpWait;

    public BudgetPauses(
            @ConfigProperty(name = "hybrid.worker.budget.catch-up-wait", defaultValue = "30s") Duration catchUpWait) {
        this.catchUpWait = catchUpWait;
    }

    /** Applies a switch unless a newer one for the same scope is in force already. */
    public void apply(ControlEvent.ModeSwitch event) {
        latest.merge(event.scope(), event, (current, next) -> next.at().isBefore(current.at()) ? current : next);
    }

    /** The control topic has been read up to where it stood when this worker started. */
    public void caughtUp() {
        caughtUp.countDown();
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** The pause a tenant's requests are under: its own scope's, else the global one's. */
    public Optional<ControlEvent.ModeSwitch> pauseFor(String tenant) {
        ControlEvent.ModeSwitch own = latest.get("tenant:" + tenant);
        if (own != null && own.paused()) {
            return Optional.of(own);
        }
        return Optional.ofNullable(latest.get(GLOBAL)).filter(ControlEvent.ModeSwitch::paused);
    }

    /**
     * Why a paid call for {@code tenant} must not be made now, or empty when it may. Blocks (a virtual thread) while
     * the worker is still reading the control topic after its start.
     */
    public Optional<ErrorInfo> refusal(String tenant) throws InterruptedException {
        if (!caughtUp.await(catchUpWait.toMillis(), TimeUnit.MILLISECONDS)) {
            return Optional.of(new ErrorInfo(ErrorCode.PROVIDER_UNAVAILABLE,
                    "this worker has not read the budget state on llm.control within " + catchUpWait
                            + " of its start, and makes no paid call without it"));
        }
        return pauseFor(tenant).map(pause -> new ErrorInfo(ErrorCode.BUDGET_PAUSED,
                "no paid call: the budget of " + pause.scope() + " is paused (" + pause.reason() + ")"));
    }
}
